namespace IncidentHub.Core.Actions;

public enum ActionStatus
{
    Outstanding,
    Done,
    NotDoing,
}

public static class ActionStatuses
{
    public static string Label(this ActionStatus status) => status switch
    {
        ActionStatus.Outstanding => "Outstanding",
        ActionStatus.Done => "Done",
        ActionStatus.NotDoing => "Not doing",
        _ => status.ToString(),
    };
}
