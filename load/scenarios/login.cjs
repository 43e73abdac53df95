/**
 * Artillery processor for login.yml: a user who is turned away (UNAVAILABLE,
 * after the channel's own retries with backoff) or whose call runs out of time
 * tries again, as a person would, for up to five minutes. What the storm
 * measures is how long until everyone is in: `login.wait` (a user's arrival
 * to its credential) and `login.all_in_after` (this worker's first arrival to
 * each user's credential; its maximum is when the last one got in).
 */
const GIVE_UP_MS = 5 * 60_000;
let firstArrival; // per Artillery worker

function arrive(context, _events, done) {
  firstArrival ??= Date.now();
  context.vars.arrivedAt = Date.now();
  done();
}

function notYetIn(context, next) {
  next(!context.vars.token && Date.now() - context.vars.arrivedAt < GIVE_UP_MS);
}

function loggedIn(context, events, done) {
  if (!context.vars.token) return done(new Error(`not logged in within ${GIVE_UP_MS / 1000} s`));
  events.emit('histogram', 'login.wait', Date.now() - context.vars.arrivedAt);
  events.emit('histogram', 'login.all_in_after', Date.now() - firstArrival);
  done();
}

module.exports = { arrive, notYetIn, loggedIn };
