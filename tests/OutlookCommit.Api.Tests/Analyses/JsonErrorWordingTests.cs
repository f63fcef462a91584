using System.Net;
using Moq;
using OutlookCommit.Analysis;
using OutlookCommit.Api.Hosting;
using OutlookCommit.Api.Tests.Infrastructure;

namespace OutlookCommit.Api.Tests.Analyses;

/// <summary>A body with a wrong-typed field names the field and what it expects, never a .NET type.</summary>
public sealed class JsonErrorWordingTests : IDisposable
{
    private readonly ApiFactory _factory = new() { Analyzer = Mock.Of<IDraftAnalyzer>() };

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/api/analyses", """{"kind":"message","body":"hi","referenceTime":"next tuesday"}""", "referenceTime", "ISO 8601")]
    [InlineData("/api/analyses", """{"kind":"letter","body":"hi"}""", "kind", "\"message\" or \"event\"")]
    [InlineData("/api/analyses", """{"kind":"message","body":"hi","to":"anna@customer.example"}""", "to", "")]
    [InlineData("/api/commitments", """{"what":"deep-dive","due":12}""", "due", "ISO 8601")]
    [InlineData("/api/commitments", """{"what":"deep-dive","nextStep":"lunch"}""", "nextStep", "technicalExchange")]
    [InlineData("/api/commitments", """{"what":"deep\ud800-dive"}""", "what", "")]
    public async Task The_detail_names_the_field_and_what_it_expects(string path, string body, string field, string expects)
    {
        var response = await _factory.CreateClient().PostAsync(path, Samples.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json(HttpStatusCode.BadRequest);
        var detail = problem["detail"]?.GetValue<string>() ?? problem["errors"]?.ToJsonString() ?? "";
        Assert.Contains(field, detail);
        Assert.Contains(expects, detail);
        Assert.DoesNotContain("System.", detail);
        Assert.DoesNotContain("`1", detail);
    }

    [Theory]
    [InlineData("System.Nullable`1[System.DateTimeOffset]", "ISO 8601")]
    [InlineData("System.Boolean", "true or false")]
    [InlineData("System.Nullable`1[System.Int32]", "whole number")]
    [InlineData("System.Collections.Generic.IReadOnlyList`1[OutlookCommit.Api.Analyses.AddressModel]", "an array")]
    [InlineData("Some.Unknown.Type", "OpenAPI")]
    public void Every_expected_shape_is_worded_without_type_names(string dotnetType, string wording)
    {
        var expected = GlobalExceptionHandler.Expected(dotnetType);
        Assert.Contains(wording, expected);
        Assert.DoesNotContain("System.", expected);
    }
}
