/**
 * Artillery processor for login.yml: a user who is turned away (UNAVAILABLE,
 * after the channel's own retries with backoff; RESOURCE_EXHAUSTED while an
 * earlier attempt of theirs still runs) or whose call runs out of time tries
 * again a second or two later, as a person or a client honouring the server's
 * hint would, for up to `giveUpSeconds` (300 unless the run says otherwise;
 * the smoke run gives up after 10). What the storm measures is how long
 * until everyone is in: `login.wait` (a user's arrival to its credential) and
 * `login.all_in_after` (this worker's first arrival to each user's credential;
 * its maximum is when the last one got in).
 */
let firstArrival; // per Artillery worker

function arrive(context, _events, done) {
  firstArrival ??= Date.now();
  context.vars.arrivedAt = Date.now();
  context.vars.attempts = 0;
  context.vars.giveUpMs = Number(context.vars.giveUpSeconds ?? 300) * 1000;
  done();
}

/** The first attempt at once; each later one after 1–2 s (jittered, so retries do not come back in step). */
function beforeAttempt(context, _events, done) {
  if (context.vars.attempts++ === 0) return done();
  setTimeout(done, 1000 + Math.random() * 1000);
}

function notYetIn(context, next) {
  next(!context.vars.token && Date.now() - context.vars.arrivedAt < context.vars.giveUpMs);
}

function loggedIn(context, events, done) {
  if (!context.vars.token) return done(new Error(`not logged in within ${context.vars.giveUpMs / 1000} s`));
  events.emit('histogram', 'login.wait', Date.now() - context.vars.arrivedAt);
  events.emit('histogram', 'login.all_in_after', Date.now() - firstArrival);
  done();
}

module.exports = { arrive, beforeAttempt, notYetIn, loggedIn };
