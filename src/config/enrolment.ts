/**
 * The config.json the township console gives a kiosk at enrolment
 * (docs/township-api.md): the kiosk's own config keys, every one of them set.
 * One type for the console's server and web, derived from the kiosk's schema
 * so a renamed key cannot drift apart.
 */
import type { KioskConfig } from './schema'

export type EnrolmentConfig = Required<Pick<KioskConfig, 'feedUrl' | 'publicKey' | 'statusUrl' | 'clerkUploadUrl' | 'kioskId' | 'kioskToken' | 'villageCode' | 'pollSeconds' | 'locale'>>
