//! Geographic longitude/latitude to UTM zone 33N (EPSG:25833), the grid used by Norway's official maps.
//!
//! Transverse Mercator on the GRS80 ellipsoid (identical to WGS84 well below a millimetre here) with
//! scale factor 0.9996 on the central meridian 15°E and a false easting of 500 000 m. The forward
//! mapping uses Krüger's series in the third flattening `n`, carried to order n⁶ (coefficients as in
//! Karney, "Transverse Mercator with an accuracy of a few nanometers", 2011). Truncated at n⁶ the
//! series is accurate to well under a millimetre across the whole of Norway, including Finnmark at
//! more than 15° from the central meridian, where the classic Redfearn formulas drift by decimetres.

/// Semi-major axis of GRS80, metres.
const A: f64 = 6_378_137.0;
/// Flattening of GRS80.
const F: f64 = 1.0 / 298.257_222_101;
/// Scale factor on the central meridian.
const K0: f64 = 0.9996;
/// Central meridian of zone 33, degrees east.
const LON0_DEG: f64 = 15.0;
/// False easting, metres (the false northing is zero in the northern hemisphere).
const FALSE_EASTING: f64 = 500_000.0;

/// Projects a WGS84/ETRS89 position (degrees east, degrees north) to UTM zone 33N `[easting, northing]`
/// in metres.
///
/// Positions outside zone 33 are projected on the same central meridian (as EPSG:25833 does for all
/// of Norway), so one map uses one continuous grid. Latitudes must lie strictly between -90 and 90.
pub fn project(lon: f64, lat: f64) -> [f64; 2] {
    let n = F / (2.0 - F);
    let n2 = n * n;
    let n3 = n2 * n;
    let n4 = n3 * n;
    let n5 = n4 * n;
    let n6 = n5 * n;
    // Rectifying radius: 2πA is the length of a meridian.
    let rect_radius = A / (1.0 + n) * (1.0 + n2 / 4.0 + n4 / 64.0 + n6 / 256.0);
    let alpha = [
        n / 2.0 - 2.0 * n2 / 3.0 + 5.0 * n3 / 16.0 + 41.0 * n4 / 180.0 - 127.0 * n5 / 288.0 + 7891.0 * n6 / 37800.0,
        13.0 * n2 / 48.0 - 3.0 * n3 / 5.0 + 557.0 * n4 / 1440.0 + 281.0 * n5 / 630.0 - 1_983_433.0 * n6 / 1_935_360.0,
        61.0 * n3 / 240.0 - 103.0 * n4 / 140.0 + 15061.0 * n5 / 26880.0 + 167_603.0 * n6 / 181_440.0,
        49561.0 * n4 / 161_280.0 - 179.0 * n5 / 168.0 + 6_601_661.0 * n6 / 7_257_600.0,
        34729.0 * n5 / 80640.0 - 3_418_889.0 * n6 / 1_995_840.0,
        212_378_941.0 * n6 / 319_334_400.0,
    ];
    let e = (F * (2.0 - F)).sqrt();

    let phi = lat.to_radians();
    let lam = (lon - LON0_DEG).to_radians();
    let sin_phi = phi.sin();
    // Tangent of the conformal latitude.
    let t = (sin_phi.atanh() - e * (e * sin_phi).atanh()).sinh();
    let xi = t.atan2(lam.cos());
    let eta = (lam.sin() / (1.0 + t * t).sqrt()).atanh();

    let mut x = eta;
    let mut y = xi;
    for (j, a) in alpha.iter().enumerate() {
        let k = 2.0 * (j as f64 + 1.0);
        x += a * (k * xi).cos() * (k * eta).sinh();
        y += a * (k * xi).sin() * (k * eta).cosh();
    }
    [FALSE_EASTING + K0 * rect_radius * x, K0 * rect_radius * y]
}

#[cfg(test)]
mod tests {
    use super::project;

    fn assert_close(got: [f64; 2], want: [f64; 2], tol: f64) {
        assert!(
            (got[0] - want[0]).abs() <= tol && (got[1] - want[1]).abs() <= tol,
            "got {got:?}, want {want:?} (±{tol} m)"
        );
    }

    #[test]
    fn central_meridian_and_equator() {
        assert_close(project(15.0, 0.0), [500_000.0, 0.0], 1e-6);
        // On the central meridian the northing is 0.9996 × the GRS80 meridian arc,
        // which is 6 654 072.819 m from the equator to 60°N.
        assert_close(project(15.0, 60.0), [500_000.0, 0.9996 * 6_654_072.819], 0.005);
    }

    #[test]
    fn oslo_bergen_tromso() {
        // Reference values computed independently with the Redfearn series (Ordnance Survey
        // formulas with GRS80 and UTM parameters); both methods agree to within 1 cm here.
        assert_close(project(10.75, 59.91), [262_409.732, 6_649_017.749], 0.05);
        assert_close(project(10.395, 63.43), [270_331.036, 7_041_761.035], 0.05);
        assert_close(project(18.955, 69.649), [653_411.008, 7_731_698.067], 0.05);
        assert_close(project(5.324, 60.393), [-31_985.57, 6_734_374.12], 0.05);
    }

    #[test]
    fn symmetric_about_the_central_meridian() {
        for &(d, lat) in &[(3.0, 58.0), (8.0, 65.0), (16.0, 70.5)] {
            let [e1, n1] = project(15.0 - d, lat);
            let [e2, n2] = project(15.0 + d, lat);
            assert!((e1 + e2 - 1_000_000.0).abs() < 1e-6);
            assert!((n1 - n2).abs() < 1e-6);
        }
    }
}
