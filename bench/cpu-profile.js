/*
 * Preloaded with NODE_OPTIONS=--require by bench/ingest.js --profile DIR
 * (NODE_OPTIONS refuses --cpu-prof): profiles this process from start to
 * exit and writes DIR/<pid>.cpuprofile, for Chrome DevTools or speedscope.
 */
const fs = require('node:fs');
const inspector = require('node:inspector');
const path = require('node:path');

const dir = process.env.ITSM_CPU_PROFILE_DIR;
if (dir) {
  fs.mkdirSync(dir, { recursive: true });
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  process.on('exit', () => {
    session.post('Profiler.stop', (err, result) => {
      if (!err) {
        fs.writeFileSync(
          path.join(dir, `${process.pid}.cpuprofile`),
          JSON.stringify(result.profile),
        );
      }
    });
  });
  process.on('SIGTERM', () => process.exit(0));
}
