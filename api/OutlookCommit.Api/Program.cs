using OutlookCommit.Api.Analyses;
using OutlookCommit.Api.Hosting;
using OutlookCommit.Api.Identity;

var builder = WebApplication.CreateBuilder(args);

builder.AddHosting();
builder.AddIdentity();
builder.Services.AddAnalyses();

var app = builder.Build();

app.UseHosting();
app.UseAuthentication();
app.UseAuthorization();

app.MapPlatform();
app.MapAnalyses();

app.Run();

/// <summary>The API's entry point; public and partial so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
