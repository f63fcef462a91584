using Microsoft.Extensions.Options;
using Moq;
using OutlookCommit.Analysis;
using OutlookCommit.Api.Tests.Infrastructure;

namespace OutlookCommit.Api.Tests.Platform;

/// <summary>Invalid settings stop the API at start with a message naming the setting.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("Database:Provider", "SqlServer", "Database:ConnectionString")]
    [InlineData("Limits:MaxRecipients", "0", "MaxRecipients")]
    [InlineData("Graph:BaseUrl", "not a url", "BaseUrl")]
    [InlineData("Graph:TimeoutSeconds", "0", "TimeoutSeconds")]
    public void Invalid_settings_fail_the_start(string key, string value, string named)
    {
        using var factory = new ApiFactory { Analyzer = Mock.Of<IDraftAnalyzer>() };
        factory.Settings[key] = value;
        if (key == "Database:Provider")
            factory.Settings["Database:ConnectionString"] = null;

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException
            ?? (error as AggregateException)?.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault();
        Assert.True(validation is not null, error.ToString());
        Assert.Contains(named, validation.Message);
    }
}
