//! The map projection: spherical Lambert azimuthal equal-area around the map's centre, in km.
//! Areas are true everywhere and shapes are good near the centre, which suits a region a
//! thousand kilometres across.

use serde::{Deserialize, Serialize};

/// Earth's mean radius, km.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A Lambert azimuthal equal-area projection centred on a point.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Projection {
    /// Centre longitude, degrees.
    pub center_lon: f64,
    /// Centre latitude, degrees.
    pub center_lat: f64,
}

impl Projection {
    /// Projects longitude and latitude (degrees) to x (east) and y (north) in km.
    pub fn project(&self, lon: f64, lat: f64) -> [f64; 2] {
        let (phi, lambda) = (lat.to_radians(), (lon - self.center_lon).to_radians());
        let phi0 = self.center_lat.to_radians();
        let cos_c = phi0.sin() * phi.sin() + phi0.cos() * phi.cos() * lambda.cos();
        let k = (2.0 / (1.0 + cos_c).max(1e-12)).sqrt();
        let x = EARTH_RADIUS_KM * k * phi.cos() * lambda.sin();
        let y =
            EARTH_RADIUS_KM * k * (phi0.cos() * phi.sin() - phi0.sin() * phi.cos() * lambda.cos());
        [x, y]
    }

    /// The inverse: x, y in km back to longitude and latitude (degrees).
    pub fn unproject(&self, x: f64, y: f64) -> [f64; 2] {
        let rho = (x * x + y * y).sqrt();
        if rho < 1e-9 {
            return [self.center_lon, self.center_lat];
        }
        let c = 2.0 * (rho / (2.0 * EARTH_RADIUS_KM)).clamp(-1.0, 1.0).asin();
        let phi0 = self.center_lat.to_radians();
        let lat = (c.cos() * phi0.sin() + y * c.sin() * phi0.cos() / rho)
            .clamp(-1.0, 1.0)
            .asin();
        let lon = self.center_lon.to_radians()
            + (x * c.sin()).atan2(rho * phi0.cos() * c.cos() - y * phi0.sin() * c.sin());
        [lon.to_degrees(), lat.to_degrees()]
    }

    /// Projects to `f32` for drawing.
    pub fn project_f32(&self, lon: f64, lat: f64) -> [f32; 2] {
        let [x, y] = self.project(lon, lat);
        [x as f32, y as f32]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: Projection = Projection {
        center_lon: 144.5,
        center_lat: 45.0,
    };

    #[test]
    fn the_centre_is_the_origin_and_north_is_up() {
        let [x, y] = P.project(144.5, 45.0);
        assert!(x.abs() < 1e-9 && y.abs() < 1e-9);
        assert!(P.project(144.5, 46.0)[1] > 100.0);
        assert!(P.project(145.5, 45.0)[0] > 70.0);
    }

    #[test]
    fn distances_are_close_to_great_circle_ones() {
        // One degree of latitude is about 111 km.
        let a = P.project(145.0, 43.0);
        let b = P.project(145.0, 44.0);
        let d = ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
        assert!((d - 111.2).abs() < 1.5, "{d}");
    }

    #[test]
    fn unproject_inverts_project() {
        for (lon, lat) in [(138.0, 40.0), (151.0, 50.0), (147.8, 45.05), (144.5, 45.0)] {
            let [x, y] = P.project(lon, lat);
            let [lon2, lat2] = P.unproject(x, y);
            assert!((lon - lon2).abs() < 1e-9 && (lat - lat2).abs() < 1e-9);
        }
    }
}
