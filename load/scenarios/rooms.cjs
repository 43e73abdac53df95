/**
 * Artillery processor for chat.yml. User perf_demo<index> is in room
 * floor(index / roomSize) of this run. Users chat together: each waits until
 * the arrival phase is over (`arrivalSeconds` after this worker's first user,
 * plus a second for the last logins), then starts at a random point of its
 * first `interval`, so sends spread evenly instead of coming in bursts.
 * Users log in as the storms' users do (login.cjs): turned away, they try again.
 */
const login = require('./login.cjs');

let firstArrival; // per Artillery worker

function pickRoom(context, _events, done) {
  firstArrival ??= Date.now();
  const size = Number(context.vars.roomSize);
  if (!Number.isInteger(size) || size < 1) return done(new Error(`roomSize must be a positive integer, got ${context.vars.roomSize}`));
  context.vars.room = `load-${context.vars.run}-${Math.floor(Number(context.vars.index) / size)}`;
  done();
}

function waitForEveryone(context, _events, done) {
  const chatStartsAt = firstArrival + (Number(context.vars.arrivalSeconds) + 1) * 1000;
  const interval = Number.parseFloat(context.vars.interval) * (String(context.vars.interval).endsWith('ms') ? 1 : 1000);
  setTimeout(done, Math.max(0, chatStartsAt - Date.now()) + Math.random() * interval);
}

module.exports = { ...login, pickRoom, waitForEveryone };
