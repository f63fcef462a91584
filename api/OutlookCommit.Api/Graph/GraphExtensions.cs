using OutlookCommit.Api.Identity;

namespace OutlookCommit.Api.Graph;

public static class GraphExtensions
{
    public static IServiceCollection AddGraph(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSingleton<GraphHttp>();
        services.AddSingleton<IGraphCredentialSource, OboCredentialSource>();
        services.AddScoped<GraphAccess>();
        return services;
    }
}
