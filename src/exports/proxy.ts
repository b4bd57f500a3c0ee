export { GONE_PATH, newsroomProxy } from '../site/gone.js'
