// A jest environment whose tests can change the process time zone. Jest gives each test file a
// copy of process.env, so `process.env.TZ = …` inside a test never reaches V8; this environment
// lives outside the sandbox and hands the test a setter that changes the real one (Node resets
// its time-zone cache when the real process.env.TZ is assigned).
const { TestEnvironment } = require('jest-environment-node');

class TimeZoneEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const original = process.env.TZ;
    this.global.setProcessTimeZone = (tz) => {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    };
    this.restoreTimeZone = () => this.global.setProcessTimeZone(original);
  }

  async teardown() {
    this.restoreTimeZone();
    await super.teardown();
  }
}

module.exports = TimeZoneEnvironment;
