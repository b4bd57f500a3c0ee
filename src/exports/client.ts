'use client'
export { RunDigestButton } from '../admin/RunDigestButton.js'
export { TopicSelect } from '../admin/TopicSelect.js'
export { SlugDescription } from '../admin/SlugDescription.js'
export { TitleCell } from '../admin/TitleCell.js'
export { LocationCell } from '../admin/LocationCell.js'
export { ScheduleDrawerDefaults } from '../admin/ScheduleDrawerDefaults.js'
export { AdminA11yFixes } from '../admin/AdminA11yFixes.js'
export { RecordedDeleteButton } from '../admin/RecordedDeleteButton.js'

// The public pages' client parts (src/site/client).
export { ListingEnhancer } from '../site/client/ListingEnhancer.js'
export { SignupForm } from '../site/client/SignupForm.js'
export { ErrorView } from '../site/client/ErrorView.js'
