namespace Caravan.Data.Validation;

/// <summary>Great-circle distance on a spherical Earth.</summary>
public static class GreatCircle
{
    /// <summary>Mean Earth radius, km.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Haversine distance between two points in decimal degrees, km.</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180.0;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
