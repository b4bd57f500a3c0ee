'use client'
export { RunDigestButton } from '../admin/RunDigestButton.js'
export { TopicSelect } from '../admin/TopicSelect.js'
