using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Caravan.Model;

namespace Caravan.Data;

/// <summary>
/// SHA-256 of a network's places and links as values (every field, in order, numbers in round-trip form), so two
/// networks read from different formats (the Caravan CSV folder, GMNS) can be compared: equal fingerprints mean
/// the same places and links. Unlike <c>Scenarios.ContentHash</c> it ignores file bytes (comments, column order).
/// </summary>
public static class NetworkFingerprint
{
    /// <summary>The fingerprint, <c>sha256:</c> and 64 hex digits.</summary>
    public static string Of(IReadOnlyList<Place> places, IReadOnlyList<Link> links)
    {
        var text = new StringBuilder();
        foreach (var p in places)
        {
            Add(text, "place", p.Code, p.Name, p.Country, N(p.Latitude), N(p.Longitude), p.Kind.ToString(), string.Join(';', p.Aliases), string.Join(';', p.SourceIds), p.Notes);
        }
        foreach (var l in links)
        {
            var b = l.Border;
            Add(text, "link", l.Id, places[l.From].Code, places[l.To].Code, l.Mode.ToString(), N(l.DistanceKm), N(l.SpeedKmh), N(l.FixedHours),
                N(l.TariffUsdPerFeu), N(l.TariffUsdPerTonne), N(l.CapacityPerYear), l.CapacityUnit, N(l.Tracks), l.Status.ToString(), N(l.OpeningYear),
                l.Bidirectional ? "both" : "forward", l.Corridor, b is null ? "-" : $"{N(b.MedianHours)}/{N(b.P90Hours)}/{N(b.FeeUsdPerFeu)}/{N(b.FeeUsdPerTonne)}",
                string.Join(';', l.SourceIds), l.Notes);
        }
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The fingerprint of a network's places and links.</summary>
    public static string Of(Network network) => Of(network.Places, network.Links);

    private static string N(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    private static void Add(StringBuilder text, params string[] fields)
    {
        foreach (var f in fields)
        {
            // Length-prefixed, so no value can imitate a separator.
            text.Append(f.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(f).Append('|');
        }
        text.Append('\n');
    }
}
