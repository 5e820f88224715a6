//! Polygon helpers: signed area, point-in-polygon, ear-clipping triangulation, simplification
//! and clipping to a rectangle.

/// Twice the signed area of a ring (positive when counter-clockwise).
pub fn signed_area2(ring: &[[f64; 2]]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum()
}

/// Whether a point lies inside a ring (even-odd rule).
pub fn point_in_ring(point: [f32; 2], ring: &[[f32; 2]]) -> bool {
    let (px, py) = (point[0], point[1]);
    let mut inside = false;
    let n = ring.len();
    let mut j = n.wrapping_sub(1);
    for i in 0..n {
        let (xi, yi) = (ring[i][0], ring[i][1]);
        let (xj, yj) = (ring[j][0], ring[j][1]);
        if (yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

fn cross(o: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
}

fn in_triangle(p: [f64; 2], a: [f64; 2], b: [f64; 2], c: [f64; 2]) -> bool {
    cross(a, b, p) >= 0.0 && cross(b, c, p) >= 0.0 && cross(c, a, p) >= 0.0
}

/// Triangulates a simple counter-clockwise ring by ear clipping. Returns index triples. A ring
/// that is not simple still gets triangles for as much of it as can be clipped.
pub fn triangulate(ring: &[[f64; 2]]) -> Vec<[u32; 3]> {
    let mut idx: Vec<usize> = (0..ring.len()).collect();
    let mut out = Vec::with_capacity(ring.len().saturating_sub(2));
    let mut guard = 0;
    while idx.len() > 3 && guard < 10 * ring.len() + 10 {
        guard += 1;
        let n = idx.len();
        let mut clipped = false;
        for i in 0..n {
            let (ip, ic, inx) = (idx[(i + n - 1) % n], idx[i], idx[(i + 1) % n]);
            let (a, b, c) = (ring[ip], ring[ic], ring[inx]);
            if cross(a, b, c) <= 0.0 {
                continue;
            }
            let blocked = idx
                .iter()
                .any(|&k| k != ip && k != ic && k != inx && in_triangle(ring[k], a, b, c));
            if blocked {
                continue;
            }
            out.push([ip as u32, ic as u32, inx as u32]);
            idx.remove(i);
            clipped = true;
            break;
        }
        if !clipped {
            // Degenerate leftovers (collinear points, self-touching rings): drop one vertex.
            let worst = (0..idx.len())
                .min_by(|&x, &y| {
                    let n = idx.len();
                    let area = |i: usize| {
                        cross(
                            ring[idx[(i + n - 1) % n]],
                            ring[idx[i]],
                            ring[idx[(i + 1) % n]],
                        )
                        .abs()
                    };
                    area(x).total_cmp(&area(y))
                })
                .unwrap_or(0);
            idx.remove(worst);
        }
    }
    if idx.len() == 3 && cross(ring[idx[0]], ring[idx[1]], ring[idx[2]]) > 0.0 {
        out.push([idx[0] as u32, idx[1] as u32, idx[2] as u32]);
    }
    out
}

/// Douglas–Peucker simplification of a closed ring (kept closed-free: first point not repeated).
pub fn simplify(ring: &[[f64; 2]], tolerance: f64) -> Vec<[f64; 2]> {
    if ring.len() <= 4 || tolerance <= 0.0 {
        return ring.to_vec();
    }
    let mut keep = vec![false; ring.len() + 1];
    let closed: Vec<[f64; 2]> = ring
        .iter()
        .copied()
        .chain(std::iter::once(ring[0]))
        .collect();
    keep[0] = true;
    keep[closed.len() - 1] = true;
    let mut stack = vec![(0usize, closed.len() - 1)];
    while let Some((s, e)) = stack.pop() {
        if e <= s + 1 {
            continue;
        }
        let (a, b) = (closed[s], closed[e]);
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let len = (dx * dx + dy * dy).sqrt();
        let (mut far, mut far_d) = (s, -1.0);
        for (i, p) in closed.iter().enumerate().take(e).skip(s + 1) {
            let d = if len < 1e-12 {
                ((p[0] - a[0]).powi(2) + (p[1] - a[1]).powi(2)).sqrt()
            } else {
                ((p[0] - a[0]) * dy - (p[1] - a[1]) * dx).abs() / len
            };
            if d > far_d {
                far = i;
                far_d = d;
            }
        }
        if far_d > tolerance {
            keep[far] = true;
            stack.push((s, far));
            stack.push((far, e));
        }
    }
    let out: Vec<[f64; 2]> = closed[..closed.len() - 1]
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(p, _)| *p)
        .collect();
    if out.len() >= 3 { out } else { ring.to_vec() }
}

/// Clips a ring to an axis-aligned rectangle (Sutherland–Hodgman): `[min x, min y, max x, max y]`.
pub fn clip_to_rect(ring: &[[f64; 2]], rect: [f64; 4]) -> Vec<[f64; 2]> {
    let mut out = ring.to_vec();
    let edges: [(usize, f64, bool); 4] = [
        (0, rect[0], true),
        (0, rect[2], false),
        (1, rect[1], true),
        (1, rect[3], false),
    ];
    for (axis, value, keep_above) in edges {
        if out.is_empty() {
            break;
        }
        let input = std::mem::take(&mut out);
        let inside = |p: &[f64; 2]| {
            if keep_above {
                p[axis] >= value
            } else {
                p[axis] <= value
            }
        };
        for i in 0..input.len() {
            let (cur, prev) = (input[i], input[(i + input.len() - 1) % input.len()]);
            let cross_at = |a: [f64; 2], b: [f64; 2]| {
                let t = (value - a[axis]) / (b[axis] - a[axis]);
                [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]
            };
            match (inside(&prev), inside(&cur)) {
                (true, true) => out.push(cur),
                (true, false) => out.push(cross_at(prev, cur)),
                (false, true) => {
                    out.push(cross_at(prev, cur));
                    out.push(cur);
                }
                (false, false) => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square() -> Vec<[f64; 2]> {
        vec![[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]]
    }

    #[test]
    fn triangulates_convex_and_concave_rings_fully() {
        let tris = triangulate(&square());
        assert_eq!(tris.len(), 2);
        let l_shape = vec![
            [0.0, 0.0],
            [2.0, 0.0],
            [2.0, 1.0],
            [1.0, 1.0],
            [1.0, 2.0],
            [0.0, 2.0],
        ];
        let tris = triangulate(&l_shape);
        assert_eq!(tris.len(), 4);
        let area: f64 = tris
            .iter()
            .map(|t| {
                cross(
                    l_shape[t[0] as usize],
                    l_shape[t[1] as usize],
                    l_shape[t[2] as usize],
                ) / 2.0
            })
            .sum();
        assert!((area - 3.0).abs() < 1e-9);
    }

    #[test]
    fn tests_points_against_rings() {
        let ring: Vec<[f32; 2]> = square()
            .iter()
            .map(|p| [p[0] as f32, p[1] as f32])
            .collect();
        assert!(point_in_ring([1.0, 1.0], &ring));
        assert!(!point_in_ring([3.0, 1.0], &ring));
    }

    #[test]
    fn clips_and_simplifies() {
        let clipped = clip_to_rect(&square(), [1.0, 1.0, 5.0, 5.0]);
        assert!((signed_area2(&clipped) / 2.0 - 1.0).abs() < 1e-9);
        let wiggly: Vec<[f64; 2]> = (0..100)
            .map(|i| {
                let t = i as f64 / 100.0 * std::f64::consts::TAU;
                [
                    t.cos() * 10.0,
                    t.sin() * 10.0 + if i % 2 == 0 { 0.001 } else { 0.0 },
                ]
            })
            .collect();
        let simple = simplify(&wiggly, 0.5);
        assert!(simple.len() < 30 && simple.len() >= 3);
    }
}
