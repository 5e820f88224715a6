#!/usr/bin/env bash
# Runs Démarche's fuzz targets one at a time with cargo-fuzz (libFuzzer, nightly toolchain):
#   tools/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]      (default: 600 seconds, every target)
# Seeds come from the bundled files (the tests' fixture scenario, a save and a replay of it, its
# record as an orders file, a sample inject file); crashes land in fuzz/artifacts/<target>/ and are reported at the end.
# Needs: `cargo install cargo-fuzz` and the nightly toolchain (`rustup toolchain install nightly`).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(scenario_files save_then_turn replay orders_file injects)
fixture=crates/demarche_sim/tests/fixtures/two_rivers

seed() {
  local target=$1
  local dir=fuzz/corpus/$target
  mkdir -p "$dir"
  case "$target" in
    scenario_files)
      # One seed per fixture file: the file's position among the sorted names, then its bytes.
      python3 - "$fixture" "$dir" <<'PY'
import os, sys
root, out = sys.argv[1], sys.argv[2]
names = sorted(os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root) for f in fs)
for i, name in enumerate(names):
    with open(os.path.join(root, name), 'rb') as src, open(os.path.join(out, f'seed-{i:02}'), 'wb') as dst:
        dst.write(bytes([i % 256]) + src.read())
PY
      ;;
    save_then_turn|replay)
      local tmp
      tmp=$(mktemp -d)
      cargo run -q --release -p demarche_cli --bin demarche-headless -- run --scenario "$fixture" \
        --side ALD=random --side BOR=hawk --seed 5 --turns 4 \
        --save "$tmp/game.save.ron" --record "$tmp/game.replay.ron" > /dev/null
      if [ "$target" = save_then_turn ]; then cp "$tmp/game.save.ron" "$dir/seed-save"; else cp "$tmp/game.replay.ron" "$dir/seed-replay"; fi
      rm -rf "$tmp"
      ;;
    orders_file)
      cp "$fixture/historical.ron" "$dir/seed-record"
      ;;
    injects)
      cp crates/demarche_sim/tests/data/injects/two_rivers.ron "$dir/seed-injects"
      ;;
  esac
}

for target in "${targets[@]}"; do
  seed "$target"
done
cd fuzz
cargo +nightly fuzz build -O
bin_dir=target/x86_64-unknown-linux-gnu/release
status=0
for target in "${targets[@]}"; do
  echo "== $target: ${seconds} s"
  mkdir -p "artifacts/$target"
  "$bin_dir/$target" "corpus/$target" -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=10 \
      -artifact_prefix="artifacts/$target/" -print_final_stats=1 > "artifacts/$target.log" 2>&1 || status=1
  grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY)" "artifacts/$target.log" || true
  if ls "artifacts/$target"/crash-* "artifacts/$target"/timeout-* "artifacts/$target"/oom-* >/dev/null 2>&1; then
    echo "!! $target: findings in fuzz/artifacts/$target/ (log: fuzz/artifacts/$target.log)"
    status=1
  fi
done
exit $status
