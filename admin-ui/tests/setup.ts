// Every test runs in a zone that is not China's (UTC−5/−4), so code that formats a date with the
// browser's zone instead of Asia/Shanghai fails (tests/time.test.ts).
process.env.TZ = 'America/New_York';
