/** Artillery processor for chat.yml: user perf_demo<index> is in room floor(index / roomSize) of this run. */
function pickRoom(context, _events, done) {
  const size = Number(context.vars.roomSize);
  if (!Number.isInteger(size) || size < 1) return done(new Error(`roomSize must be a positive integer, got ${context.vars.roomSize}`));
  context.vars.room = `load-${context.vars.run}-${Math.floor(Number(context.vars.index) / size)}`;
  done();
}

module.exports = { pickRoom };
