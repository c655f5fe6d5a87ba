export { createFakeClock as fakeClock } from '../../support/fake-clock.js'
