using IncidentHub.Core.Users;
using Microsoft.Extensions.Time.Testing;

namespace IncidentHub.Tests.Core.Users;

public sealed class SignInThrottleTests
{
    private const string Email = "ada@example.com";
    private const string Address = "203.0.113.7";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly SignInThrottle _throttle;

    public SignInThrottleTests() => _throttle = new SignInThrottle(_time);

    [Theory]
    [InlineData(4, 0)]
    [InlineData(5, 2)]
    [InlineData(6, 4)]
    [InlineData(9, 32)]
    [InlineData(14, 900)]
    [InlineData(1000, 900)]
    public void DelayAfter_GrowsFromTheSixthAttempt_UpToFifteenMinutes(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SignInThrottle.DelayAfter(failures));

    [Fact]
    public void FiveFailures_AreFree_ThenTheNextAttemptWaits()
    {
        Fail(5);

        Assert.Equal(TimeSpan.FromSeconds(2), _throttle.TryBegin(Email, Address));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(_throttle.TryBegin(Email, Address));
    }

    [Fact]
    public void TheWait_IsForOneEmailFromOneAddress_Only()
    {
        Fail(8);

        Assert.Null(_throttle.TryBegin(Email, "198.51.100.20"));
        Assert.Null(_throttle.TryBegin("sam@example.com", Address));
        Assert.NotNull(_throttle.TryBegin(" ADA@example.com ", Address));
    }

    [Fact]
    public void AnAttemptInFlight_MakesAParallelOneWait_OnceTheFreeTriesAreUsed()
    {
        Fail(4);

        Assert.Null(_throttle.TryBegin(Email, Address));
        Assert.Equal(TimeSpan.FromSeconds(2), _throttle.TryBegin(Email, Address));
    }

    [Fact]
    public void ASuccess_StartsAgainFromZero()
    {
        Fail(7);
        _time.Advance(SignInThrottle.MaxDelay);
        Assert.Null(_throttle.TryBegin(Email, Address));
        _throttle.Succeeded(Email, Address);

        Fail(5);

        Assert.Equal(TimeSpan.FromSeconds(2), _throttle.TryBegin(Email, Address));
    }

    [Fact]
    public void ADayWithoutFailures_StartsAgainFromZero()
    {
        Fail(12);
        _time.Advance(SignInThrottle.ForgetAfter);

        Assert.Null(_throttle.TryBegin(Email, Address));
        _throttle.Failed(Email, Address);
        Assert.Null(_throttle.TryBegin(Email, Address));
    }

    private void Fail(int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.Null(_throttle.TryBegin(Email, Address));
            _throttle.Failed(Email, Address);
            if (i < times - 1)
            {
                _time.Advance(SignInThrottle.DelayAfter(i + 1));
            }
        }
    }
}
