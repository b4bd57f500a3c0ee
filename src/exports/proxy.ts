export { newsroomProxy } from '../site/gone.js'
