/**
 * Artillery processor for chat.yml and one-room.yml. User perf_demo<index> is
 * in room floor(index / roomSize) of this run. Users log in as the storms'
 * users do (login.cjs): turned away, they try again.
 *
 * Users chat together, and only once everyone is in: the chat begins a second
 * after this worker's arrival phase is over (`arrivalSeconds` after its first
 * user) and every user who arrived has logged in or given up, whichever is
 * later. So a chat run measures the chat, not logins still queued for the
 * KDF (the storms, 04–07, measure those). The worker prints when the chat
 * begins and how far behind plan ("chat begins: …"; the load runner takes its
 * chat-window reading then and keeps the delay). Each user then starts at a
 * random point of its first `interval`, so sends spread evenly instead of
 * coming in bursts.
 */
const login = require('./login.cjs');

// Per Artillery worker: its users, their logins, and the chat's start.
let firstArrival;
let arrivalEnds;
let arrivalOver = false;
let arrived = 0;
let settled = 0;
let chatStartsAt;
const waiting = [];

function pickRoom(context, _events, done) {
  if (firstArrival === undefined) {
    firstArrival = Date.now();
    arrivalEnds = firstArrival + Number(context.vars.arrivalSeconds) * 1000;
    setTimeout(() => {
      arrivalOver = true;
      beginChatIfAllIn();
    }, arrivalEnds - firstArrival);
  }
  arrived++;
  const size = Number(context.vars.roomSize);
  if (!Number.isInteger(size) || size < 1) return done(new Error(`roomSize must be a positive integer, got ${context.vars.roomSize}`));
  context.vars.room = `load-${context.vars.run}-${Math.floor(Number(context.vars.index) / size)}`;
  done();
}

/** login.cjs's, counting the user's login as settled, in or not. */
function loggedIn(context, events, done) {
  settled++;
  login.loggedIn(context, events, done);
  beginChatIfAllIn();
}

function beginChatIfAllIn() {
  if (chatStartsAt !== undefined || !arrivalOver || settled < arrived) return;
  // A second for the last users to enter their rooms and follow them.
  chatStartsAt = Date.now() + 1000;
  const behindPlan = Math.max(0, chatStartsAt - (arrivalEnds + 1000));
  console.log(`chat begins: ${settled} users' logins settled, ${(behindPlan / 1000).toFixed(1)} s after the planned start`);
  for (const release of waiting.splice(0)) release();
}

function waitForEveryone(context, _events, done) {
  const interval = Number.parseFloat(context.vars.interval) * (String(context.vars.interval).endsWith('ms') ? 1 : 1000);
  const start = () => setTimeout(done, Math.max(0, chatStartsAt - Date.now()) + Math.random() * interval);
  if (chatStartsAt === undefined) waiting.push(start);
  else start();
}

module.exports = { ...login, loggedIn, pickRoom, waitForEveryone };
