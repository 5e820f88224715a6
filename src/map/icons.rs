//! Force icons: a disc in the owner's colour with a white rim and a white pictogram of the
//! force's kind (a ship, an aircraft, the NATO sign for infantry, a missile). The pictograms are
//! convex parts in a unit disc, shared by the map's meshes and the legend.

use bevy::math::Vec2;
use demarche_sim::scenario::ForceKind;

use super::geo::Tris;

/// Every kind, in the legend's order.
pub const KINDS: [ForceKind; 4] = [
    ForceKind::Fleet,
    ForceKind::AirWing,
    ForceKind::Troops,
    ForceKind::MissileBattery,
];

/// The legend's name of a kind.
pub fn kind_name(kind: ForceKind) -> &'static str {
    match kind {
        ForceKind::Fleet => "Naval group (ships)",
        ForceKind::AirWing => "Air wing (aircraft)",
        ForceKind::Troops => "Ground troops",
        ForceKind::MissileBattery => "Missile battery",
    }
}

fn rect(x0: f32, y0: f32, x1: f32, y1: f32) -> Vec<Vec2> {
    vec![
        Vec2::new(x0, y0),
        Vec2::new(x1, y0),
        Vec2::new(x1, y1),
        Vec2::new(x0, y1),
    ]
}

fn pts(points: &[(f32, f32)]) -> Vec<Vec2> {
    points.iter().map(|&(x, y)| Vec2::new(x, y)).collect()
}

/// A thin bar from `a` to `b`.
fn bar(a: Vec2, b: Vec2, width: f32) -> Vec<Vec2> {
    let side = (b - a).normalize_or_zero().perp() * (width / 2.0);
    vec![a - side, b - side, b + side, a + side]
}

/// The pictogram of a kind: convex polygons inside the unit disc, y up.
pub fn pictogram(kind: ForceKind) -> Vec<Vec<Vec2>> {
    match kind {
        ForceKind::Fleet => vec![
            // Hull, superstructure, bridge, mast.
            pts(&[(-0.72, -0.12), (0.72, -0.12), (0.5, -0.42), (-0.52, -0.42)]),
            rect(-0.34, -0.12, 0.22, 0.12),
            rect(-0.16, 0.12, 0.08, 0.32),
            rect(-0.05, 0.32, 0.0, 0.6),
        ],
        ForceKind::AirWing => vec![
            // Fuselage and nose, wings, tailplane (seen from above, nose up).
            rect(-0.08, -0.58, 0.08, 0.5),
            pts(&[(-0.08, 0.5), (0.08, 0.5), (0.0, 0.7)]),
            pts(&[(-0.72, -0.08), (0.72, -0.08), (0.08, 0.28), (-0.08, 0.28)]),
            pts(&[(-0.32, -0.62), (0.32, -0.62), (0.06, -0.42), (-0.06, -0.42)]),
        ],
        ForceKind::Troops => {
            // The NATO sign for infantry: a frame with its diagonals.
            let (x, y, w) = (0.6, 0.38, 0.1);
            vec![
                rect(-x, y - w, x, y),
                rect(-x, -y, x, -y + w),
                rect(-x, -y, -x + w, y),
                rect(x - w, -y, x, y),
                bar(Vec2::new(-x, -y), Vec2::new(x, y), w),
                bar(Vec2::new(-x, y), Vec2::new(x, -y), w),
            ]
        }
        ForceKind::MissileBattery => {
            // A missile rising to the upper right over its launcher's rail.
            let turn = |p: Vec2| {
                let (s, c) = (-0.6f32).sin_cos();
                Vec2::new(p.x * c - p.y * s, p.x * s + p.y * c) + Vec2::new(0.04, 0.08)
            };
            let missile = [
                rect(-0.1, -0.42, 0.1, 0.3),
                pts(&[(-0.1, 0.3), (0.1, 0.3), (0.0, 0.58)]),
                pts(&[(-0.1, -0.42), (-0.1, -0.16), (-0.28, -0.48)]),
                pts(&[(0.1, -0.42), (0.28, -0.48), (0.1, -0.16)]),
            ];
            let mut parts: Vec<Vec<Vec2>> = missile
                .into_iter()
                .map(|part| part.into_iter().map(turn).collect())
                .collect();
            parts.push(rect(-0.6, -0.62, 0.5, -0.5));
            parts
        }
    }
}

/// The pictogram as triangles.
pub fn pictogram_tris(kind: ForceKind) -> Tris {
    let mut tris = Tris::default();
    for part in pictogram(kind) {
        tris.convex(&part);
    }
    tris
}

/// A disc of radius `r` around the origin.
pub fn disc_tris(r: f32) -> Tris {
    let mut tris = Tris::default();
    tris.disc(Vec2::ZERO, r, 24);
    tris
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pictogram_stays_inside_its_disc() {
        for kind in KINDS {
            let parts = pictogram(kind);
            assert!(!parts.is_empty());
            for p in parts.iter().flatten() {
                assert!(p.length() < 0.95, "{kind:?}: {p}");
            }
        }
    }
}
