/**
 * Vocabularies for synthetic helpdesk knowledge and traffic: real Windows error codes, the
 * products and components employees name, the symptoms they describe, and the small talk a
 * helpdesk channel also carries. Order matters where picks are skewed: common items first.
 */

/** Real HRESULTs seen in Windows Update, Office and enrolment tickets, most common first. */
export const COMMON_ERROR_CODES: readonly string[] = [
  '0x80070643', // ERROR_INSTALL_FAILURE
  '0x800f0922', // CBS_E_INSTALLERS_FAILED
  '0x80070005', // E_ACCESSDENIED
  '0x8024200d', // WU_E_UH_NEEDANOTHERDOWNLOAD
  '0x800f081f', // CBS_E_SOURCE_MISSING
  '0x80073712', // ERROR_SXS_COMPONENT_STORE_CORRUPT
  '0x80070002', // ERROR_FILE_NOT_FOUND
  '0x80240034', // WU_E_DOWNLOAD_FAILED
  '0xc1900101', // driver rollback during a feature update
  '0x8024402c', // WU_E_PT_WINHTTP_NAME_NOT_RESOLVED
  '0x80004005', // E_FAIL
  '0x800f0831', // CBS_E_STORE_CORRUPTION
  '0x80070422', // ERROR_SERVICE_DISABLED
  '0x800705b4', // ERROR_TIMEOUT
  '0x80070020', // ERROR_SHARING_VIOLATION
  '0x8007000d', // ERROR_INVALID_DATA
  '0xc1900208', // incompatible application blocks the upgrade
  '0x80244022', // WU_E_PT_HTTP_STATUS_SERVICE_UNAVAIL
  '0x80240fff', // WU_E_UNEXPECTED
  '0x80070570', // ERROR_FILE_CORRUPT
  '0x800f0988', // servicing stack cleanup failure
  '0x80070bc9', // ERROR_FAIL_REBOOT_REQUIRED
  '0x8024001e', // WU_E_SERVICE_STOP
  '0x80246007', // WU_E_DM_NOTDOWNLOADED
  '0x80072ee2', // ERROR_INTERNET_TIMEOUT
  '0x80072efd', // ERROR_INTERNET_CANNOT_CONNECT
  '0x80072f8f', // ERROR_INTERNET_SECURE_FAILURE
  '0x8000ffff', // E_UNEXPECTED
  '0x80070490', // ERROR_NOT_FOUND
  '0x8007001f', // ERROR_GEN_FAILURE
  '0xc1900200', // hardware not eligible for the upgrade
  '0xc1900223', // cannot reach the update service
  '0x800f0900', // CBS_E_XML_PARSER_FAILURE
  '0x800f0823', // CBS_E_NEW_SERVICING_STACK_REQUIRED
  '0x80180014', // Intune enrolment blocked
  '0x80180018', // Intune licence missing
  '0x800704cf', // ERROR_NETWORK_UNREACHABLE
  '0x80090016', // NTE_BAD_KEYSET (TPM / Windows Hello)
  '0x8009002d', // NTE_INTERNAL_ERROR
  '0xcaa70004', // Office sign-in
  '0xcaa20003', // Office sign-in
  '0x80048823', // Microsoft account
  '0x8004010f', // Outlook OST
  '0x800ccc0e', // Outlook SMTP
  '0x80040600', // Outlook data file
  '0xc004f074', // activation: KMS unreachable
  '0xc004c003', // activation key blocked
  '0x8007232b', // activation DNS name missing
  '0x803f7001', // activation
];

/** Prefixes of HRESULT families, for codes that only one entry knows. */
export const ERROR_FAMILIES: readonly string[] = ['0x8007', '0x8024', '0x800f', '0xc190', '0x8018', '0x8009', '0xcaa7', '0x8004', '0xc004'];

/** What employees name, most mentioned first. */
export const PRODUCTS: readonly string[] = [
  'windows update', 'outlook', 'teams', 'onedrive', 'vpn', 'printer', 'excel', 'edge', 'sharepoint', 'word',
  'bitlocker', 'defender', 'intune', 'company portal', 'powerpoint', 'chrome', 'zoom', 'citrix workspace', 'globalprotect', 'anyconnect',
  'wifi', 'bluetooth', 'docking station', 'displaylink', 'webcam', 'headset', 'touchpad', 'keyboard', 'monitor', 'scanner',
  'windows hello', 'fingerprint reader', 'smart card reader', 'authenticator app', 'remote desktop', 'file explorer', 'start menu', 'taskbar', 'notepad', 'snipping tool',
  'onenote', 'visio', 'project', 'access', 'publisher', 'adobe acrobat', 'adobe reader', 'java runtime', 'python', 'git',
  'visual studio', 'vscode', 'sql server', 'power bi', 'dynamics', 'salesforce', 'slack', 'webex', 'jabra', 'logitech',
  'hyper-v', 'wsl', 'docker desktop', 'virtualbox', 'vmware horizon', 'autopilot', 'windows sandbox', 'credential guard', 'windows firewall', 'group policy',
  'dns client', 'print spooler', 'audio driver', 'graphics driver', 'display driver', 'network adapter', 'ethernet', 'usb-c hub', 'thunderbolt dock', 'surface pen',
  'surface dock', 'dell command update', 'lenovo vantage', 'hp support assistant', 'bios update', 'firmware update', 'tpm', 'secure boot', 'uefi', 'storage sense',
  'search indexer', 'windows search', 'clipboard history', 'calendar', 'mailbox', 'shared mailbox', 'distribution list', 'password manager', 'okta', 'duo',
  'mfa prompt', 'sso', 'kerberos', 'file share', 'mapped drive', 'network drive', 'sync client', 'backup agent', 'antivirus', 'crowdstrike',
];

/** Parts of Windows servicing that updates are named after. */
export const COMPONENTS: readonly string[] = [
  'cumulative update', 'recovery environment', 'safe os dynamic update', 'servicing stack update', 'feature update', 'security update',
  'net framework update', 'driver update', 'firmware update', 'out of band update', 'preview update', 'defender platform update',
  'malicious software removal tool', 'setup dynamic update', 'hotpatch update', 'office update', 'edge update', 'intelligence update',
];

/** Windows versions and editions named in titles and messages. */
export const PLATFORMS: readonly string[] = [
  'windows 10 22h2', 'windows 11 23h2', 'windows 11 24h2', 'windows 10 21h2', 'windows server 2022', 'windows server 2019',
  'windows 11 22h2', 'windows server 2025', 'windows 10 ltsc', 'windows 11 enterprise',
];

/** How employees describe what went wrong. */
export const SYMPTOMS: readonly string[] = [
  'fails to install', 'keeps crashing', 'not responding', 'stuck at 0 percent', 'stuck downloading', 'rolls back after restart',
  'black screen after login', 'blue screen', 'freezes on startup', 'very slow after update', 'missing after update', 'cannot connect',
  'keeps disconnecting', 'sign in loop', 'password prompt keeps coming back', 'high cpu usage', 'high disk usage', 'error on launch',
  'will not open', 'shows a blank window', 'no sound', 'microphone not detected', 'camera not detected', 'screen flickering',
  'second monitor not detected', 'battery drains fast', 'fan always running', 'not syncing', 'sync pending forever', 'files missing',
  'license not found', 'account locked', 'certificate error', 'proxy error', 'download failed', 'install pending restart',
  'restart loop', 'recovery key prompt', 'encryption paused', 'policy not applied', 'enrollment failed', 'compliance check failed',
  'printing blank pages', 'print job stuck', 'cannot find printer', 'search returns nothing', 'start menu not opening', 'taskbar frozen',
  'icons disappeared', 'settings page crashes', 'update history shows failed', 'update keeps reappearing', 'download stuck at 100 percent',
  'install error', 'configuration failed', 'undoing changes', 'something went wrong', 'need to repair', 'disk space warning', 'low memory warning',
];

/** Words that follow a symptom in titles and phrases. */
export const QUALIFIERS: readonly string[] = [
  'after update', 'after restart', 'on battery', 'on docking station', 'over vpn', 'in safe mode', 'after password change',
  'on new laptop', 'after reimage', 'since last patch tuesday', 'on remote desktop', 'with external monitor', 'at login',
  'when sharing screen', 'in meetings', 'for shared mailbox', 'on guest wifi', 'after bios update', 'during shutdown', 'at startup',
];

/** Months for update names ("April 2025 cumulative update"). */
export const MONTHS: readonly string[] = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];

/** Small talk that reaches a helpdesk channel; the benchmark's unrelated traffic. */
export const CHATTER: readonly string[] = [
  'hi', 'hello', 'thanks!', 'thank you so much', 'ok', 'sounds good', 'good morning team', 'brb', 'lunch?', 'happy friday everyone :tada:',
  'is the office open on friday?', 'who has the big meeting room at 3?', 'the coffee machine on 4 is broken again', 'reminder: all-hands at 10',
  'can someone share the guest network name', 'where do i order a new mouse', 'how do i book a desk for tomorrow', 'is there cake in the kitchen',
  'my badge does not open the garage door', 'parking is full again', 'what is the holiday schedule this year', 'anyone going to the offsite?',
  'can i expense a monitor arm', 'who do i ask about payroll', 'the lift is out of order', 'welcome to the team!', 'great job on the release',
  'can you add me to the marketing channel', 'does anyone have a usb stick i can borrow', 'meeting moved to 2pm', 'i will be late today',
  'out sick today', 'working from home tomorrow', 'fire drill at 11', 'please keep the kitchen clean', 'where is the stapler',
  'is the canteen open', 'new hire starting monday', 'who ordered the pizza', 'the blinds in room 3 are stuck', 'heating is too high on 2',
];

/** Different small talk, used only to train the baseline's "none" class (so it is not tested on its training lines). */
export const TRAINING_CHATTER: readonly string[] = [
  'hey there', 'thanks a lot', 'cheers', 'good afternoon', 'see you tomorrow', 'nice weekend everyone', 'any plans for lunch',
  'the meeting is cancelled', 'can we move our call', 'who is organising the party', 'the train was late', 'is anyone in the office today',
  'congrats on the promotion', 'the car park gate is stuck', 'can you send me the slides', 'please review my document', 'my desk phone rings twice',
  'what time does reception close', 'the plants need water', 'quarterly review next week', 'the printer paper ran out in the copy room',
  'where are the spare chairs', 'can i get a new notebook', 'how do i claim travel expenses', 'the microwave queue is long',
  'is it ok to bring my dog', 'who has the projector remote', 'team photo at noon', 'the air con is loud', 'please sign the birthday card',
];

/** Opening words of a message. */
export const OPENERS: readonly string[] = ['', '', '', 'hi, ', 'hello, ', 'hey team - ', 'good morning, ', 'quick one: ', '<@U04HELPDESK> ', 'urgent: ', 'sorry to bother, '];

/** Closing words of a message. */
export const CLOSERS: readonly string[] = ['', '', '', ' what do i do?', ' any idea?', ' pls help', ' :sob:', ' is that ok?', ' can i ignore it?', ' thanks', ' - anyone else seeing this?', ' :confused:'];

/** Where a problem happens, as people say it. */
export const DEVICES: readonly string[] = ['on my laptop', 'on my pc', 'on my desktop', 'on the meeting room pc', 'on my surface', 'on the new thinkpad', 'on my home office pc', ''];
