import { raceWorkerMain } from './race-worker.js'

await raceWorkerMain()
