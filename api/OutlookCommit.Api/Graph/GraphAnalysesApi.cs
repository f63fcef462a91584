using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Graph.Models;
using OutlookCommit.Analysis;
using OutlookCommit.Analysis.Model;
using OutlookCommit.Api.Analyses;
using OutlookCommit.Api.Hosting;
using AddressModel = OutlookCommit.Analysis.Model.EmailAddress;
using BodyTypeModel = OutlookCommit.Analysis.Model.BodyType;

namespace OutlookCommit.Api.Graph;

/// <summary>POST /api/analyses/graph: a saved draft read through Microsoft Graph, with the customer's open asks.</summary>
public static class GraphAnalysesApi
{
    public sealed record GraphDraftRequest(DraftKind? Kind, string? ItemId, string? TimeZone);

    public sealed record GraphItem(DraftKind Kind, string ItemId, bool? IsDraft, string? ConversationId, DateTimeOffset? CreatedAt);

    public sealed record CustomerMessage(AddressModel? From, DateTimeOffset? ReceivedAt, IReadOnlyList<string> Asks);

    public sealed record GraphAnalysis(DraftAnalysis Analysis, GraphItem Item, CustomerMessage? CustomerMessage, IReadOnlyList<string> UnansweredAsks);

    public static RouteGroupBuilder MapGraphAnalyses(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/analyses", "Analyses");
        group.MapPost("/graph", Analyze)
            .WithName("AnalyzeGraphItem")
            .WithSummary("Analyze a saved draft read through Microsoft Graph")
            .WithDescription("For a message, also reads the conversation and lists the customer's asks that the draft leaves unanswered. 503 in local mode.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
        return group;
    }

    public static async Task<Results<Ok<GraphAnalysis>, ValidationProblem>> Analyze(
        GraphDraftRequest request, GraphAccess graph, IDraftAnalyzer analyzer, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Kind is null)
            errors["kind"] = ["Required: \"message\" or \"event\"."];
        if (string.IsNullOrWhiteSpace(request.ItemId) || request.ItemId.Length > 512)
            errors["itemId"] = ["Required: the item's REST id (at most 512 characters)."];
        var zone = request.TimeZone is null ? TimeZoneInfo.Utc : DraftInput.FindZone(request.TimeZone);
        if (zone is null)
            errors["timeZone"] = ["Unknown time zone; use an IANA or Windows id."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The item cannot be analyzed");

        var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone!);
        var mail = graph.Mail; // 503 in local mode or without Graph settings
        return request.Kind == DraftKind.Event
            ? TypedResults.Ok(await AnalyzeEvent(mail, analyzer, request.ItemId!, zone!, now, ct))
            : TypedResults.Ok(await AnalyzeMessage(mail, analyzer, request.ItemId!, now, ct));
    }

    private static async Task<GraphAnalysis> AnalyzeMessage(GraphMail mail, IDraftAnalyzer analyzer, string id, DateTimeOffset now, CancellationToken ct)
    {
        var message = await mail.GetMessageAsync(id, ct) ?? throw NotFound();
        var draft = new Draft
        {
            Kind = DraftKind.Message,
            Subject = message.Subject,
            Body = message.Body?.Content,
            BodyType = message.Body?.ContentType == Microsoft.Graph.Models.BodyType.Html ? BodyTypeModel.Html : BodyTypeModel.Text,
            To = Addresses(message.ToRecipients),
            Cc = Addresses(message.CcRecipients),
            ReferenceTime = now,
        };
        var analysis = analyzer.Analyze(draft);
        var item = new GraphItem(DraftKind.Message, id, message.IsDraft, message.ConversationId, message.CreatedDateTime);
        if (message.ConversationId is null)
            return new GraphAnalysis(analysis, item, null, []);

        // The customer's last message before the draft: the newest one from one of the draft's recipients.
        var recipients = new HashSet<string>(draft.Everyone.Select(a => a.Address).OfType<string>(), StringComparer.OrdinalIgnoreCase);
        var conversation = await mail.GetConversationAsync(message.ConversationId, ct);
        var customer = conversation.FirstOrDefault(m =>
            m.IsDraft != true
            && m.From?.EmailAddress?.Address is { } from && recipients.Contains(from)
            && (message.CreatedDateTime is null || m.ReceivedDateTime is null || m.ReceivedDateTime <= message.CreatedDateTime));
        if (customer is null)
            return new GraphAnalysis(analysis, item, null, []);

        var customerAnalysis = analyzer.Analyze(new Draft
        {
            Kind = DraftKind.Message,
            Subject = customer.Subject,
            Body = customer.Body?.Content,
            BodyType = customer.Body?.ContentType == Microsoft.Graph.Models.BodyType.Html ? BodyTypeModel.Html : BodyTypeModel.Text,
            ReferenceTime = customer.ReceivedDateTime ?? now,
        });
        var asks = customerAnalysis.Asks.Select(a => a.Text).Distinct().ToArray();
        var from = customer.From?.EmailAddress is { } f ? new AddressModel(f.Name, f.Address) : null;
        return new GraphAnalysis(analysis, item, new CustomerMessage(from, customer.ReceivedDateTime, asks), AskCoverage.Unanswered(asks, analysis));
    }

    private static async Task<GraphAnalysis> AnalyzeEvent(GraphMail mail, IDraftAnalyzer analyzer, string id, TimeZoneInfo zone, DateTimeOffset now, CancellationToken ct)
    {
        var ev = await mail.GetEventAsync(id, GraphMail.GraphZoneId(zone), ct) ?? throw NotFound();
        var attendees = ev.Attendees ?? [];
        var draft = new Draft
        {
            Kind = DraftKind.Event,
            Subject = ev.Subject,
            Body = ev.Body?.Content,
            BodyType = ev.Body?.ContentType == Microsoft.Graph.Models.BodyType.Html ? BodyTypeModel.Html : BodyTypeModel.Text,
            Attendees = Addresses(attendees.Where(a => a.Type != AttendeeType.Optional && a.Type != AttendeeType.Resource)),
            OptionalAttendees = Addresses(attendees.Where(a => a.Type == AttendeeType.Optional)),
            Start = GraphMail.ToOffset(ev.Start, zone),
            End = GraphMail.ToOffset(ev.End, zone),
            Location = ev.Location?.DisplayName,
            ReferenceTime = now,
        };
        var item = new GraphItem(DraftKind.Event, id, ev.IsDraft, null, ev.CreatedDateTime);
        return new GraphAnalysis(analyzer.Analyze(draft), item, null, []);
    }

    private static AddressModel[] Addresses(IEnumerable<Recipient>? recipients) =>
        (recipients ?? []).Select(r => r.EmailAddress).OfType<Microsoft.Graph.Models.EmailAddress>()
            .Select(e => new AddressModel(e.Name, e.Address)).ToArray();

    private static ApiProblemException NotFound() =>
        new(StatusCodes.Status404NotFound, "Item not found in the mailbox", "Microsoft Graph returned no item for this id.");
}
