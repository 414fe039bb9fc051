#!/usr/bin/env bash
# Installs the ITSM plugins into someone else's Backstage, as the README says:
#
#   1. builds the plugin packages (tsc for their type declarations, then
#      `backstage-cli repo build`, which builds every non-bundled package:
#      the five plugins) and packs each with `npm pack` (backstage-cli's
#      prepack/postpack publish dist/, not src/);
#   2. checks the packed package.json files: main/types/exports point into
#      dist/ and exist in the tarball, and every @openitsm/* dependency is one
#      of the tarballs;
#   3. creates a fresh app OUTSIDE this repo with @backstage/create-app (the
#      release of this repo's backstage.json: new frontend system, new
#      backend system) and installs it with npm;
#   4. installs the tarballs into its packages/backend and packages/app and
#      edits them exactly as the README's install lines say;
#   5. builds its frontend, starts its backend (which serves the frontend
#      through the app backend plugin) on a free port, SQLite in memory,
#      guest sign-in, a one-service catalog (scripts/try-install/);
#   6. checks GET /api/itsm/health, reports an incident through the REST API
#      (static external-access token), and in Chromium signs in as guest and
#      sees the ITSM "Incidents" card with that incident on the service's
#      entity page, and the /itsm page (screenshots printed at the end).
#
#   bash scripts/try-install.sh
#
# Env: TRY_INSTALL_DIR (work dir; default a new /tmp/itsm-try-install.*),
# TRY_INSTALL_KEEP=1 keeps the created app and its node_modules (≈1.5 GB;
# removed by default, the logs and screenshots stay), CREATE_APP_VERSION.
# Needs Node 20 or 22, npm, git, Debian's chromium (installed through
# scripts/ensure-chromium.sh when missing) and this repo's node_modules
# (playwright-core). Only the npm registry is used; nothing is downloaded
# from anywhere else (create-app's optional fetch of a yarn.lock seed from
# GitHub fails in a few seconds and it goes on without it).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
FIXTURES=$ROOT/scripts/try-install
WORK=${TRY_INSTALL_DIR:-$(mktemp -d /tmp/itsm-try-install.XXXXXX)}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
APP=$WORK/app
TARBALLS=$WORK/tarballs
SHOTS=$WORK/screenshots
LOGS=$WORK/logs
# @backstage/create-app 0.9.2 is the create-app of Backstage 1.55.0, the
# release in this repo's backstage.json (checked below)
CREATE_APP_VERSION=${CREATE_APP_VERSION:-0.9.2}
PLUGINS=(itsm-common itsm-node itsm-backend itsm-backend-module-pagerduty itsm)
# --prefer-offline: package metadata already in npm's cache (this repo's own
# install fills it with most of what the app needs) is not fetched again
NPM_FLAGS=(--no-audit --no-fund --prefer-offline --loglevel=error)

case "$WORK/" in
  "$ROOT"/*) echo "try-install: the work dir must be outside the repo ($WORK)" >&2; exit 2 ;;
esac
rm -rf "$APP" "$TARBALLS" "$SHOTS" "$LOGS"
mkdir -p "$TARBALLS" "$SHOTS" "$LOGS"

START=$(date +%s)
STEP_START=
BACKEND_PID=
step() {
  local now
  now=$(date +%s)
  [ -z "$STEP_START" ] || echo "    ($((now - STEP_START)) s)"
  STEP_START=$now
  echo "==> [$((now - START)) s] $*"
}
fail() {
  echo "try-install: FAILED: $*" >&2
  exit 1
}
cleanup() {
  local rc=$?
  if [ -n "$BACKEND_PID" ] && kill -0 "$BACKEND_PID" 2>/dev/null; then
    # backstage-cli and the backend it runs: the whole process group
    kill -TERM -- "-$BACKEND_PID" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$BACKEND_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$BACKEND_PID" 2>/dev/null || true
  fi
  if [ "${TRY_INSTALL_KEEP:-}" != 1 ] && [ -d "$APP" ]; then
    rm -rf "$APP" "$WORK/create-app"
  fi
  echo "try-install: work dir $WORK (logs in $LOGS)"
  if [ "$rc" = 0 ]; then
    echo "try-install: PASSED in $(($(date +%s) - START)) s"
  else
    echo "try-install: FAILED (exit $rc) after $(($(date +%s) - START)) s" >&2
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Runs a command with its output in a log; on failure shows the log's end
logged() {
  local log=$LOGS/$1.log
  shift
  if ! "$@" >"$log" 2>&1; then
    tail -40 "$log" >&2
    fail "$* (log: $log)"
  fi
}

step "Preflight"
command -v node >/dev/null || fail "node is not installed"
command -v git >/dev/null || fail "git is not installed (create-app runs it)"
[ -d "$ROOT/node_modules/playwright-core" ] || fail "run npm install in $ROOT first (playwright-core)"
CHROMIUM=$(bash "$ROOT/scripts/ensure-chromium.sh") || fail "no chromium"
export CHROMIUM
RELEASE=$(node -p "require('$ROOT/backstage.json').version")
echo "    node $(node -v), npm $(npm -v), Backstage $RELEASE, chromium $CHROMIUM, work dir $WORK"

step "Build the plugin packages (tsc, backstage-cli repo build)"
logged tsc bash -c "cd '$ROOT' && npx tsc"
logged build bash -c "cd '$ROOT' && npx backstage-cli repo build"

step "Pack them (npm pack)"
for p in "${PLUGINS[@]}"; do
  (cd "$ROOT/plugins/$p" && npm pack --pack-destination "$TARBALLS" --loglevel=error) \
    >>"$LOGS/pack.log" 2>&1 || { tail -20 "$LOGS/pack.log" >&2; fail "npm pack of plugins/$p"; }
done
# The published shape: main/module/types and every exports target in dist/
# and in the tarball; @openitsm/* dependencies (still "*", backstage-cli's
# prepack does not rewrite them) all satisfied by these tarballs.
node - "$TARBALLS" <<'EOF' || fail "the packed package.json files are not publishable (above)"
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const dir = process.argv[2];
const tgzs = fs.readdirSync(dir).filter(f => f.endsWith('.tgz'));
const pkgs = tgzs.map(f => {
  const file = path.join(dir, f);
  const files = new Set(execFileSync('tar', ['tzf', file], { encoding: 'utf8' })
    .split('\n').filter(Boolean).map(l => l.replace(/^package\//, '')));
  const json = JSON.parse(execFileSync('tar', ['xzOf', file, 'package/package.json'], { encoding: 'utf8' }));
  return { f, json, files };
});
const names = new Set(pkgs.map(p => p.json.name));
let bad = 0;
const problem = (p, msg) => { bad++; console.error(`    ${p.json.name}: ${msg}`); };
for (const p of pkgs) {
  const targets = [p.json.main, p.json.module, p.json.types].filter(Boolean);
  // (the "backstage" condition names the export's kind, it is no path)
  const walk = v => (typeof v === 'string' ? [v]
    : Object.entries(v ?? {}).filter(([k]) => k !== 'backstage').flatMap(([, x]) => walk(x)));
  for (const [key, value] of Object.entries(p.json.exports ?? {})) {
    if (key !== './package.json') targets.push(...walk(value));
  }
  for (const t of targets) {
    const rel = t.replace(/^\.\//, '');
    if (!rel.startsWith('dist/')) problem(p, `${t} is not in dist/`);
    else if (!p.files.has(rel)) problem(p, `${t} is not in the tarball`);
  }
  for (const [dep, range] of Object.entries(p.json.dependencies ?? {})) {
    if (dep.startsWith('@openitsm/') && !names.has(dep)) problem(p, `depends on ${dep}@${range}, which is not packed`);
  }
  const ws = Object.entries(p.json.dependencies ?? {}).filter(([d]) => d.startsWith('@openitsm/'));
  console.log(`    ${p.f}: ${p.files.size} files, main ${p.json.main}` +
    (ws.length ? `, ${ws.map(([d, r]) => `${d.replace('@openitsm/backstage-plugin-', '')}@"${r}"`).join(' ')}` : ''));
}
process.exit(bad ? 1 : 0);
EOF
# The tarball of plugins/$1
tgz() { ls "$TARBALLS"/openitsm-backstage-plugin-"$1"-[0-9]*.tgz; }

step "Create a fresh Backstage app with @backstage/create-app@$CREATE_APP_VERSION in $APP"
logged create-app-install npm install "${NPM_FLAGS[@]}" --prefix "$WORK/create-app" "@backstage/create-app@$CREATE_APP_VERSION"
CREATE_APP=$WORK/create-app/node_modules/@backstage/create-app
TEMPLATE_RELEASE=$(node -p "require('$CREATE_APP/dist/lib/versions.cjs.js').packageVersions.root")
[ "$TEMPLATE_RELEASE" = "$RELEASE" ] ||
  fail "create-app $CREATE_APP_VERSION makes a Backstage $TEMPLATE_RELEASE app, this repo is on $RELEASE (set CREATE_APP_VERSION)"
# Workaround 1: create-app refuses to run without a `yarn` on the PATH and on
# Node other than 22/24 (Backstage 1.55's range). With --skip-install it never
# runs yarn, only `yarn -v`: a stand-in answers that. The Node check is
# answered by a preload that reports Node 22 to create-app alone; the app
# itself then runs on this machine's Node, as this repo does (README: Node 20
# and 22).
mkdir -p "$WORK/shims"
printf '#!/bin/sh\necho 4.13.0\n' >"$WORK/shims/yarn"
chmod +x "$WORK/shims/yarn"
echo 'if (!/^(22|24)\./.test(process.versions.node)) Object.defineProperty(process.versions, "node", { value: "22.22.0" });' \
  >"$WORK/shims/node-version.js"
logged create-app env PATH="$WORK/shims:$PATH" BACKSTAGE_APP_NAME=itsm-try-install \
  node -r "$WORK/shims/node-version.js" "$CREATE_APP/bin/backstage-create-app" \
  --path "$APP" --skip-install </dev/null
grep -q "from '@backstage/frontend-defaults'" "$APP/packages/app/src/App.tsx" ||
  fail "create-app's app is not on the new frontend system (App.tsx)"
grep -q "createBackend" "$APP/packages/backend/src/index.ts" ||
  fail "create-app's backend is not on the new backend system"
echo "    new frontend system (frontend-defaults createApp) and new backend system (createBackend)"

step "Install the app with npm (workspaces)"
# Workaround 2: the template is a Yarn 4 project. For npm: drop Yarn's files
# and packageManager; npm has no `link:` protocol (backend → app becomes the
# workspace "*"); resolutions become overrides, with React 18 as in this
# repo; legacy-peer-deps as in this repo's .npmrc.
# Workaround 3: npm has no yarn.lock seed and the template's "^" ranges float
# to whatever the registry has newest, which can be a later Backstage release
# than the template's (with this registry, plugin-signals-backend that needs a
# newer backend-defaults, and frontend-plugin-api 1.0 next to 0.18): every
# @backstage/* package is pinned to this repo's version (package-lock.json),
# or create-app's own manifest for those this repo does not use, as overrides
# and as the app's direct dependencies.
rm -rf "$APP/.yarn" "$APP/.yarnrc.yml" "$APP/yarn.lock"
echo 'legacy-peer-deps=true' >"$APP/.npmrc"
node - "$ROOT" "$APP" "$CREATE_APP" <<'EOF' || fail "could not convert the app to npm"
const fs = require('node:fs');
const path = require('node:path');
const [root, app, createApp] = process.argv.slice(2);
const manifest = require(path.join(createApp, 'dist/lib/versions.cjs.js')).packageVersions;
const lock = require(path.join(root, 'package-lock.json'));
const pins = {};
for (const [name, version] of Object.entries(manifest)) if (name.startsWith('@backstage/')) pins[name] = version;
for (const [key, entry] of Object.entries(lock.packages)) {
  const m = /^node_modules\/(@backstage\/[^/]+)$/.exec(key);
  if (m) pins[m[1]] = entry.version;
}
const edit = (file, fn) => {
  const p = path.join(app, file);
  const json = JSON.parse(fs.readFileSync(p, 'utf8'));
  fn(json);
  fs.writeFileSync(p, `${JSON.stringify(json, null, 2)}\n`);
};
const pinDeps = json => {
  for (const field of ['dependencies', 'devDependencies']) {
    for (const name of Object.keys(json[field] ?? {})) {
      if (pins[name]) json[field][name] = pins[name];
    }
  }
};
edit('package.json', json => {
  delete json.packageManager;
  json.overrides = {
    ...pins,
    react: '^18.3.1',
    'react-dom': '^18.3.1',
    ...Object.fromEntries(Object.entries(json.resolutions ?? {})),
  };
  delete json.resolutions;
  pinDeps(json);
});
edit('packages/app/package.json', pinDeps);
edit('packages/backend/package.json', json => {
  if (json.dependencies.app?.startsWith('link:')) json.dependencies.app = '*';
  pinDeps(json);
});
console.log(`    ${Object.keys(pins).length} @backstage/* packages pinned`);
EOF
logged npm-install bash -c "cd '$APP' && npm install ${NPM_FLAGS[*]}"
echo "    $(ls "$APP/node_modules" | wc -l) top-level packages"

step "Install the tarballs into packages/backend and packages/app"
# The @openitsm/* tarballs that the plugin depends on go in the same command,
# as they would come from the registry once published.
logged install-backend bash -c "cd '$APP' && npm install ${NPM_FLAGS[*]} -w backend \
  '$(tgz itsm-backend)' '$(tgz itsm-node)' '$(tgz itsm-common)'"
logged install-app bash -c "cd '$APP' && npm install ${NPM_FLAGS[*]} -w app '$(tgz itsm)' '$(tgz itsm-common)'"
# The README's install lines, applied by code
node - "$APP" <<'EOF' || fail "could not add the plugins to the app's code"
const fs = require('node:fs');
const path = require('node:path');
const app = process.argv[2];
const change = (file, from, to) => {
  const p = path.join(app, file);
  const text = fs.readFileSync(p, 'utf8');
  if (!from.test(text)) throw new Error(`${file}: ${from} not found`);
  fs.writeFileSync(p, text.replace(from, to));
};
// README, backend: backend.add(import('@openitsm/backstage-plugin-itsm-backend'));
change('packages/backend/src/index.ts', /^backend\.start\(\);/m,
  "backend.add(import('@openitsm/backstage-plugin-itsm-backend'));\n\nbackend.start();");
// README, frontend (new frontend system): import itsmPlugin from '…/alpha'; features: [catalogPlugin, itsmPlugin, …]
change('packages/app/src/App.tsx', /^(import catalogPlugin from .*\n)/m,
  "$1import itsmPlugin from '@openitsm/backstage-plugin-itsm/alpha';\n");
change('packages/app/src/App.tsx', /features: \[catalogPlugin,/, 'features: [catalogPlugin, itsmPlugin,');
EOF
grep -H 'openitsm' "$APP/packages/backend/src/index.ts" "$APP/packages/app/src/App.tsx" | sed "s#^$APP/#    #"

step "Type-check the app against the packed type declarations (tsc)"
logged app-tsc bash -c "cd '$APP' && npx tsc"

step "Build the app's frontend (backstage-cli package build)"
logged app-build bash -c "cd '$APP/packages/app' && npx backstage-cli package build"

step "Start the app's backend, serving the frontend"
PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
TOKEN=$(node -p "require('crypto').randomBytes(24).toString('hex')")
BASE=http://localhost:$PORT
mkdir -p "$APP/examples"
cp "$FIXTURES/catalog.yaml" "$APP/examples/itsm-try-install.yaml"
sed -e "s#__PORT__#$PORT#g" -e "s#__TOKEN__#$TOKEN#g" \
  -e "s#__CATALOG__#$APP/examples/itsm-try-install.yaml#g" \
  "$FIXTURES/app-config.yaml" >"$APP/app-config.try-install.yaml"
(cd "$APP/packages/backend" && exec setsid npx backstage-cli package start \
  --config ../../app-config.yaml --config ../../app-config.try-install.yaml) \
  >"$LOGS/backend.log" 2>&1 &
BACKEND_PID=$!
echo "    backend pid $BACKEND_PID on $BASE (log: $LOGS/backend.log)"

step "Check GET /api/itsm/health"
HEALTH=
for _ in $(seq 1 90); do
  kill -0 "$BACKEND_PID" 2>/dev/null || { tail -30 "$LOGS/backend.log" >&2; fail "the backend exited"; }
  HEALTH=$(curl -sf "$BASE/api/itsm/health" 2>/dev/null) && break
  sleep 2
done
[ "$(node -p "JSON.stringify(JSON.parse(process.argv[1] || 'null'))" "$HEALTH")" = '{"status":"ok"}' ] ||
  { tail -30 "$LOGS/backend.log" >&2; fail "GET /api/itsm/health answered '$HEALTH'"; }
echo "    $BASE/api/itsm/health → $(echo "$HEALTH" | tr -d ' \n')"

step "Report an incident on payments-api through the REST API"
# Retried until the catalog has ingested payments-api (a 400 that names it)
INCIDENT=
for _ in $(seq 1 60); do
  kill -0 "$BACKEND_PID" 2>/dev/null || { tail -30 "$LOGS/backend.log" >&2; fail "the backend exited"; }
  INCIDENT=$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"title":"try-install: checkout errors","affectedServices":["component:default/payments-api"],"category":"availability","impact":"high","urgency":"high"}' \
    "$BASE/api/itsm/incidents") || true
  REF=$(node -p "try { JSON.parse(process.argv[1]).ref ?? '' } catch { '' }" "$INCIDENT")
  [ -n "$REF" ] && break
  sleep 2
done
[ -n "$REF" ] || fail "POST /api/itsm/incidents answered: $INCIDENT"
echo "    $REF, priority $(node -p "JSON.parse(process.argv[1]).priority" "$INCIDENT")"

step "Check the entity page and /itsm in Chromium"
node "$FIXTURES/check-ui.js" "$BASE" "$SHOTS" "$REF" || fail "the browser checks (above)"
ERRORS=$(sed 's/\x1b\[[0-9;]*m//g' "$LOGS/backend.log" | grep -E '^\S+ \S+ error ' | cut -c1-240 || true)
[ -z "$ERRORS" ] || { echo "    errors in the backend's log:"; echo "$ERRORS" | sed 's/^/      /'; }
step "Done"
echo "    screenshots: $SHOTS/entity-page.png $SHOTS/itsm-page.png"
