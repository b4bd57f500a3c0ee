'use server'

import config from '@payload-config'
import {
  type ConfirmState,
  type PreferencesState,
  submitConfirm,
  submitPreferences,
  submitUnsubscribe,
  type UnsubscribeState,
} from 'payload-plugin-newsroom/rsc'

/** The server actions of the confirm, preferences and unsubscribe pages: each posts to its endpoint in-process. */
export async function confirmAction(prev: ConfirmState, form: FormData) {
  return submitConfirm(config, prev, form)
}

export async function preferencesAction(prev: PreferencesState, form: FormData) {
  return submitPreferences(config, prev, form)
}

export async function unsubscribeAction(prev: UnsubscribeState, form: FormData) {
  return submitUnsubscribe(config, prev, form)
}
