/** Where the combined "Aktuellt" admin view lives, under the admin route. */
export const CURRENT_VIEW_PATH = '/aktuellt'
