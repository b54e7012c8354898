namespace Caravan.Web.Tests.Browser;

/// <summary>The browser against the real server on the embedded network (data/), as the README's first command serves it.</summary>
public sealed class EmbeddedNetworkHost : BrowserHost
{
    /// <inheritdoc />
    protected override string DataFolder() => Path.Combine(WebTestPaths.Root, "data");
}
