# IncidentHub: build with the SDK, run on the ASP.NET runtime.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY IncidentHub.Core/IncidentHub.Core.csproj IncidentHub.Core/
COPY IncidentHub.Web/IncidentHub.Web.csproj IncidentHub.Web/
RUN dotnet restore IncidentHub.Web/IncidentHub.Web.csproj
COPY IncidentHub.Core/ IncidentHub.Core/
COPY IncidentHub.Web/ IncidentHub.Web/
RUN dotnet publish IncidentHub.Web/IncidentHub.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
# The SQLite file (when SQLite is used) lives here; mount a volume to keep it.
RUN mkdir -p /app/App_Data && chown "$APP_UID" /app/App_Data
VOLUME /app/App_Data
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "IncidentHub.Web.dll"]
