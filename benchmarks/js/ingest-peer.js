// The official Mattermost JS client (@mattermost/client WebSocketClient) taking in a stream that the
// sync benchmark serves over loopback: the same server, socket and frames as the console's pass,
// measured the way ../shared/tools/js-client-ingest.js measures it (from the hello to the last
// event, each plugin payload parsed as the webapp's handler does). Started by SyncBenchmark.
// Usage: JS_CLIENT_MODULES=/tmp/jsclient/node_modules node ingest-peer.js ws://127.0.0.1:PORT/api/v4/websocket COUNT
// Install the modules once: npm install --prefix /tmp/jsclient @mattermost/client@^11.9.0 ws@^8.23.0
// Prints: "js-client: N events in T ms = E events/s, cpu C ms"
const path = require('path');
const mods = process.env.JS_CLIENT_MODULES || path.join(__dirname, 'node_modules');
global.WebSocket = require(path.join(mods, 'ws'));
const { WebSocketClient } = require(path.join(mods, '@mattermost/client'));

const url = process.argv[2];
const count = Number(process.argv[3]);
const ws = new WebSocketClient({ clientPingInterval: 600000 });
let n = 0, t0 = 0, cpu0 = null;
ws.addMessageListener((m) => {
  if (m.event === 'hello') { t0 = performance.now(); cpu0 = process.cpuUsage(); return; }
  n++; if (m.data && typeof m.data.payload === 'string') { JSON.parse(m.data.payload); } // as the webapp handler does
  if (n === count) {
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0); // this process's CPU (all its threads) since the hello
    console.log(`js-client: ${n} events in ${ms.toFixed(0)} ms = ${Math.round(n / ms * 1000)} events/s, cpu ${Math.round((cpu.user + cpu.system) / 1000)} ms`);
    ws.close(true); process.exit(0);
  }
});
setTimeout(() => { console.log(`js-client: timed out after ${n} of ${count} events`); process.exit(2); }, 300000);
ws.initialize(url, 'token');
