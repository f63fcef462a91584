using OutlookCommit.Api.Analyses;
using OutlookCommit.Api.Commitments;
using OutlookCommit.Api.Data;
using OutlookCommit.Api.Graph;
using OutlookCommit.Api.Hosting;
using OutlookCommit.Api.Identity;
using OutlookCommit.Api.Invites;

var builder = WebApplication.CreateBuilder(args);

builder.AddHosting();
builder.AddIdentity();
builder.Services.AddAnalyses();
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddGraph(builder.Configuration);
builder.Services.AddCommitments();
builder.Services.AddInvites();

var app = builder.Build();

app.UseHosting();
app.UseAuthentication();
app.UseAuthorization();

app.MapPlatform();
app.MapAnalyses();
app.MapGraphAnalyses();
app.MapInvites();
app.MapCommitments();

try
{
    app.Run();
}
catch (Exception e) when (LocalModeExposedException.IsIn(e))
{
    // Already logged as critical, saying what to change; a configuration error, not a crash with a stack trace.
    return LocalModeExposedException.ExitCode;
}
return 0;

/// <summary>The API's entry point; public and partial so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
