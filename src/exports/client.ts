'use client'
export { RunDigestButton } from '../admin/RunDigestButton.js'
export { TopicSelect } from '../admin/TopicSelect.js'

// The public pages' client parts (src/site/client).
export { ListingEnhancer } from '../site/client/ListingEnhancer.js'
export { SignupForm } from '../site/client/SignupForm.js'
export { ErrorView } from '../site/client/ErrorView.js'
