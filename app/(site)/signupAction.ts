'use server'

import config from '@payload-config'
import { type SignupState, submitSignup } from 'payload-plugin-newsroom/rsc'

/** The newsletter form's server action: posts to /api/newsroom/subscribe in-process. */
export async function signupAction(prev: SignupState, form: FormData) {
  return submitSignup(config, prev, form)
}
