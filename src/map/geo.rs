//! Plain geometry for the map's layers, built once per map or per zoom step and never per frame:
//! triangle buffers for strokes and fills, the hatching of disputed land, the graticule and the
//! scale bar's length. No rendering here: the buffers become meshes in [`super::layers`].

use bevy::asset::RenderAssetUsages;
use bevy::math::Vec2;
use bevy::mesh::{Indices, Mesh, PrimitiveTopology};
use demarche_map::Projection;

/// Triangles being built, all counter-clockwise (2D meshes cull the back faces).
#[derive(Clone, Debug, Default)]
pub struct Tris {
    /// Vertex positions.
    pub positions: Vec<[f32; 3]>,
    /// Triangle indices.
    pub indices: Vec<u32>,
}

impl Tris {
    /// One triangle, turned counter-clockwise if it was not.
    pub fn tri(&mut self, a: Vec2, b: Vec2, c: Vec2) {
        let (b, c) = if (b - a).perp_dot(c - a) < 0.0 {
            (c, b)
        } else {
            (b, c)
        };
        let n = self.positions.len() as u32;
        for p in [a, b, c] {
            self.positions.push([p.x, p.y, 0.0]);
        }
        self.indices.extend([n, n + 1, n + 2]);
    }

    /// A convex polygon, as a fan.
    pub fn convex(&mut self, points: &[Vec2]) {
        for k in 1..points.len().saturating_sub(1) {
            self.tri(points[0], points[k], points[k + 1]);
        }
    }

    /// A straight band of `width` from `a` to `b`.
    pub fn segment(&mut self, a: Vec2, b: Vec2, width: f32) {
        let dir = (b - a).normalize_or_zero();
        if dir == Vec2::ZERO {
            return;
        }
        let side = dir.perp() * (width / 2.0);
        self.tri(a - side, a + side, b + side);
        self.tri(a - side, b + side, b - side);
    }

    /// A disc of `radius` with `sides` sides.
    pub fn disc(&mut self, centre: Vec2, radius: f32, sides: usize) {
        let points: Vec<Vec2> = (0..sides)
            .map(|k| {
                let a = std::f32::consts::TAU * k as f32 / sides as f32;
                centre + Vec2::new(a.cos(), a.sin()) * radius
            })
            .collect();
        self.convex(&points);
    }

    /// A polyline of `width`; `closed` joins the last point to the first; `round` puts a disc
    /// at each joint (for wide bands, so the joints have no notches).
    pub fn polyline(&mut self, points: &[Vec2], closed: bool, width: f32, round: bool) {
        if points.len() < 2 {
            return;
        }
        for w in points.windows(2) {
            self.segment(w[0], w[1], width);
        }
        if closed {
            self.segment(points[points.len() - 1], points[0], width);
        }
        if round {
            for p in points {
                self.disc(*p, width / 2.0, 10);
            }
        }
    }

    /// The buffer as a 2D mesh.
    pub fn into_mesh(self) -> Mesh {
        Mesh::new(
            PrimitiveTopology::TriangleList,
            RenderAssetUsages::default(),
        )
        .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, self.positions)
        .with_inserted_indices(Indices::U32(self.indices))
    }
}

/// Lines with soft edges, for a renderer without multisampling: each segment is a solid core
/// with a ramp to transparent on either side, `feather` wide, its ends carried on by half its
/// width so that consecutive segments meet without a notch. The colour comes from the
/// material; the vertices carry only the coverage (in their alpha).
#[derive(Clone, Debug, Default)]
pub struct Strokes {
    /// Vertex positions.
    pub positions: Vec<[f32; 3]>,
    /// Vertex colours: white, with the coverage as alpha.
    pub colors: Vec<[f32; 4]>,
    /// Triangle indices.
    pub indices: Vec<u32>,
}

impl Strokes {
    /// A segment `width` wide (its core plus half of each ramp) with ramps `feather` wide.
    pub fn segment(&mut self, a: Vec2, b: Vec2, width: f32, feather: f32) {
        let dir = (b - a).normalize_or_zero();
        if dir == Vec2::ZERO {
            return;
        }
        let core = ((width - feather) / 2.0).max(0.0);
        let outer = core + feather;
        let (a, b) = (a - dir * core, b + dir * core);
        let side = dir.perp();
        let n = self.positions.len() as u32;
        for (p, offset, alpha) in [
            (a, -outer, 0.0),
            (a, -core, 1.0),
            (a, core, 1.0),
            (a, outer, 0.0),
            (b, -outer, 0.0),
            (b, -core, 1.0),
            (b, core, 1.0),
            (b, outer, 0.0),
        ] {
            let q = p + side * offset;
            self.positions.push([q.x, q.y, 0.0]);
            self.colors.push([1.0, 1.0, 1.0, alpha]);
        }
        // Three bands across the line; each quad (a_k, a_k+1, b_k+1, b_k) is counter-clockwise
        // because `side` is the left of `dir`.
        for k in 0..3 {
            let (a0, a1, b0, b1) = (n + k, n + k + 1, n + 4 + k, n + 5 + k);
            self.indices.extend([a0, b0, b1, a0, b1, a1]);
        }
    }

    /// A polyline of segments.
    pub fn polyline(&mut self, points: &[Vec2], closed: bool, width: f32, feather: f32) {
        for w in points.windows(2) {
            self.segment(w[0], w[1], width, feather);
        }
        if closed && points.len() > 2 {
            self.segment(points[points.len() - 1], points[0], width, feather);
        }
    }

    /// The mesh (positions, coverage as vertex colours, indices).
    pub fn into_mesh(self) -> Mesh {
        Mesh::new(
            PrimitiveTopology::TriangleList,
            RenderAssetUsages::default(),
        )
        .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, self.positions)
        .with_inserted_attribute(Mesh::ATTRIBUTE_COLOR, self.colors)
        .with_inserted_indices(Indices::U32(self.indices))
    }
}

/// Twice the signed area of a ring: positive when it runs counter-clockwise.
pub fn signed_area2(ring: &[Vec2]) -> f32 {
    let n = ring.len();
    (0..n).map(|i| ring[i].perp_dot(ring[(i + 1) % n])).sum()
}

/// The points of a ring as vectors.
pub fn ring_vec(ring: &[[f32; 2]]) -> Vec<Vec2> {
    ring.iter().map(|p| Vec2::new(p[0], p[1])).collect()
}

/// Diagonal hatching of a polygon (even–odd rule): segments along lines running from lower
/// left to upper right, `spacing` apart (measured across them).
pub fn hatch(ring: &[Vec2], spacing: f32) -> Vec<(Vec2, Vec2)> {
    if ring.len() < 3 || spacing <= 0.0 {
        return Vec::new();
    }
    // u = y − x is constant along a line; v = x + y runs along it.
    let u = |p: Vec2| p.y - p.x;
    let step = spacing * std::f32::consts::SQRT_2;
    let (lo, hi) = ring.iter().fold((f32::MAX, f32::MIN), |(lo, hi), p| {
        (lo.min(u(*p)), hi.max(u(*p)))
    });
    let mut out = Vec::new();
    let mut line = (lo / step).ceil() * step;
    while line <= hi {
        let mut crossings: Vec<Vec2> = Vec::new();
        for k in 0..ring.len() {
            let (a, b) = (ring[k], ring[(k + 1) % ring.len()]);
            let (ua, ub) = (u(a) - line, u(b) - line);
            if (ua < 0.0) != (ub < 0.0) {
                crossings.push(a.lerp(b, ua / (ua - ub)));
            }
        }
        crossings.sort_by(|p, q| (p.x + p.y).total_cmp(&(q.x + q.y)));
        for pair in crossings.chunks_exact(2) {
            out.push((pair[0], pair[1]));
        }
        line += step;
    }
    out
}

/// The graticule's step in degrees for a zoom (km per pixel): the smallest of 1°, 2° and 5°
/// whose lines stand at least 90 pixels apart.
pub fn graticule_step(km_per_px: f32) -> f64 {
    let degree_px = 111.0 / km_per_px.max(1e-3);
    [1.0, 2.0, 5.0]
        .into_iter()
        .find(|s| degree_px * *s as f32 >= 90.0)
        .unwrap_or(10.0)
}

/// One line of the graticule: a meridian (constant longitude) or a parallel.
#[derive(Clone, Debug, PartialEq)]
pub struct GraticuleLine {
    /// Whether it is a meridian.
    pub meridian: bool,
    /// Its longitude (meridian) or latitude (parallel), degrees.
    pub degrees: f64,
    /// The projected points, km.
    pub points: Vec<Vec2>,
}

/// Meridians and parallels every `step` degrees over the area `bbox` (west, south, east,
/// north), widened by one step so they run past the map's edge.
pub fn graticule(projection: &Projection, bbox: [f64; 4], step: f64) -> Vec<GraticuleLine> {
    let [w, s, e, n] = [
        bbox[0] - step,
        bbox[1] - step,
        bbox[2] + step,
        bbox[3] + step,
    ];
    let mut lines = Vec::new();
    let project = |lon: f64, lat: f64| {
        let [x, y] = projection.project_f32(lon, lat);
        Vec2::new(x, y)
    };
    let samples = |from: f64, to: f64| {
        let k = ((to - from) / 0.25).ceil().max(1.0) as usize;
        (0..=k).map(move |i| from + (to - from) * i as f64 / k as f64)
    };
    let mut lon = (w / step).ceil() * step;
    while lon <= e {
        lines.push(GraticuleLine {
            meridian: true,
            degrees: lon,
            points: samples(s, n).map(|lat| project(lon, lat)).collect(),
        });
        lon += step;
    }
    let mut lat = (s / step).ceil() * step;
    while lat <= n {
        lines.push(GraticuleLine {
            meridian: false,
            degrees: lat,
            points: samples(w, e).map(|lon| project(lon, lat)).collect(),
        });
        lat += step;
    }
    lines
}

/// A degree label: `145°E`, `44°N`.
pub fn degree_label(degrees: f64, meridian: bool) -> String {
    let hemisphere = match (meridian, degrees < 0.0) {
        (true, false) => "E",
        (true, true) => "W",
        (false, false) => "N",
        (false, true) => "S",
    };
    format!("{}°{hemisphere}", degrees.abs().round())
}

/// The scale bar: the round distance (1, 2 or 5 × 10ⁿ km) whose bar is at most `max_px`
/// pixels long at `km_per_px`, and that length in pixels.
pub fn scale_bar(km_per_px: f32, max_px: f32) -> (f32, f32) {
    let most = km_per_px * max_px;
    let mut best = 1.0;
    for power in 0..5 {
        for m in [1.0, 2.0, 5.0] {
            let km = m * 10f32.powi(power);
            if km <= most {
                best = km;
            }
        }
    }
    (best, best / km_per_px)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area2(p: &[[f32; 3]], i: &[u32]) -> f32 {
        let v = |k: u32| Vec2::new(p[k as usize][0], p[k as usize][1]);
        (v(i[1]) - v(i[0])).perp_dot(v(i[2]) - v(i[0]))
    }

    #[test]
    fn a_soft_stroke_is_a_solid_core_between_two_ramps_all_counter_clockwise() {
        let mut s = Strokes::default();
        s.segment(Vec2::ZERO, Vec2::new(10.0, 0.0), 3.0, 1.0);
        assert_eq!(s.positions.len(), 8);
        assert_eq!(s.indices.len(), 18);
        for tri in s.indices.chunks(3) {
            assert!(area2(&s.positions, tri) > 0.0, "{tri:?} is clockwise");
        }
        // Across the line: transparent, solid, solid, transparent; the core is 2 wide (3 less
        // half of each ramp), and the ends carried on by half the core.
        let ys: Vec<f32> = s.positions[..4].iter().map(|p| p[1]).collect();
        assert_eq!(ys, [-2.0, -1.0, 1.0, 2.0]);
        let alphas: Vec<f32> = s.colors[..4].iter().map(|c| c[3]).collect();
        assert_eq!(alphas, [0.0, 1.0, 1.0, 0.0]);
        assert_eq!(s.positions[0][0], -1.0);
        assert_eq!(s.positions[4][0], 11.0);
        // A point (zero length) draws nothing.
        s.segment(Vec2::ONE, Vec2::ONE, 3.0, 1.0);
        assert_eq!(s.positions.len(), 8);
    }

    #[test]
    fn the_signed_area_tells_the_turn_of_a_ring() {
        let square = [Vec2::ZERO, Vec2::X, Vec2::ONE, Vec2::Y];
        assert_eq!(signed_area2(&square), 2.0);
        let mut back = square;
        back.reverse();
        assert_eq!(signed_area2(&back), -2.0);
    }

    #[test]
    fn triangles_turn_counter_clockwise() {
        let mut t = Tris::default();
        t.tri(Vec2::ZERO, Vec2::new(0.0, 1.0), Vec2::new(1.0, 0.0));
        let p: Vec<Vec2> = t.positions.iter().map(|p| Vec2::new(p[0], p[1])).collect();
        assert!((p[1] - p[0]).perp_dot(p[2] - p[0]) > 0.0);
    }

    #[test]
    fn a_square_is_hatched_inside_only() {
        let square = [
            Vec2::ZERO,
            Vec2::new(10.0, 0.0),
            Vec2::new(10.0, 10.0),
            Vec2::new(0.0, 10.0),
        ];
        let lines = hatch(&square, 1.0);
        assert!(lines.len() > 10);
        for (a, b) in lines {
            for p in [a, b] {
                assert!((-0.01..=10.01).contains(&p.x) && (-0.01..=10.01).contains(&p.y));
            }
            assert!(((b - a).x - (b - a).y).abs() < 1e-3, "diagonal");
        }
    }

    #[test]
    fn the_graticule_and_the_scale_bar_pick_round_numbers() {
        assert_eq!(graticule_step(0.2), 1.0);
        assert_eq!(graticule_step(1.7), 2.0);
        assert_eq!(scale_bar(1.7, 160.0).0, 200.0);
        assert_eq!(scale_bar(0.2, 160.0).0, 20.0);
        assert_eq!(degree_label(145.0, true), "145°E");
        assert_eq!(degree_label(44.0, false), "44°N");
        let p = Projection {
            center_lon: 144.5,
            center_lat: 45.0,
        };
        let lines = graticule(&p, [138.0, 40.0, 151.0, 50.0], 2.0);
        assert!(lines.iter().any(|l| l.meridian && l.degrees == 144.0));
        assert!(lines.iter().any(|l| !l.meridian && l.degrees == 44.0));
    }
}
