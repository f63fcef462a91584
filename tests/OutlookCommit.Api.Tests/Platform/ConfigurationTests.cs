using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OutlookCommit.Api.Data;
using OutlookCommit.Api.Graph;
using OutlookCommit.Api.Hosting;
using OutlookCommit.Api.Identity;

namespace OutlookCommit.Api.Tests.Platform;

/// <summary>
/// Invalid settings stop the API at start with a message naming the setting: the API's own registrations,
/// checked with the startup validator the host runs before it listens.
/// </summary>
public sealed class ConfigurationTests
{
    private static void Validate(params (string Key, string? Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddHosting();
        builder.AddIdentity();
        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddGraph(builder.Configuration);
        using var provider = builder.Services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void The_defaults_are_valid() => Validate();

    [Theory]
    [InlineData("Database:Provider", "SqlServer", "Database:ConnectionString")]
    [InlineData("Limits:MaxRecipients", "0", "MaxRecipients")]
    [InlineData("Limits:MaxBodyBytes", "-1", "MaxBodyBytes")]
    [InlineData("Graph:BaseUrl", "not a url", "BaseUrl")]
    [InlineData("Graph:TimeoutSeconds", "0", "TimeoutSeconds")]
    [InlineData("Addin:FrameAncestors:0", "https://partner.example; script-src *", "Addin:FrameAncestors")]
    [InlineData("Addin:Origins:0", "https://a.example https://b.example", "Addin:Origins")]
    public void Invalid_settings_fail_the_start(string key, string value, string named)
    {
        var error = Assert.ThrowsAny<Exception>(() => Validate((key, value)));

        var validation = error as OptionsValidationException
            ?? (error as AggregateException)?.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault();
        Assert.True(validation is not null, error.ToString());
        Assert.Contains(named, validation.Message);
    }
}
