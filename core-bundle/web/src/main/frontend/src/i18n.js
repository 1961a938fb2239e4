import { ref } from 'vue';

// Chinese first; English on request, remembered on this device.
export const lang = ref(localStorage.getItem('union.lang') === 'en' ? 'en' : 'zh');

export function setLang(value) {
  lang.value = value === 'en' ? 'en' : 'zh';
  localStorage.setItem('union.lang', lang.value);
  document.documentElement.lang = lang.value === 'en' ? 'en' : 'zh-CN';
}

/** A {zh, en} label from a plugin's declaration, or a plain string, in the current language. */
export function label(value) {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  return value[lang.value] || value.zh || value.en || '';
}

/** The server's error in the current language, with its details. */
export function errorText(error) {
  if (!error) return '';
  const main = lang.value === 'en' ? error.messageEn || error.message : error.messageZh || error.message;
  return main || String(error);
}

const texts = {
  appName: ['掌上工会', 'CUMT Union'],
  login: ['登录', 'Log in'],
  logout: ['退出登录', 'Log out'],
  username: ['工号', 'Staff number'],
  password: ['密码', 'Password'],
  changePassword: ['修改密码', 'Change password'],
  mustChange: ['首次登录或密码已重置，请先设置新密码', 'Please choose a new password first'],
  oldPassword: ['当前密码', 'Current password'],
  newPassword: ['新密码', 'New password'],
  repeatPassword: ['再次输入新密码', 'Repeat the new password'],
  mismatch: ['两次输入的新密码不一致', 'The new passwords differ'],
  save: ['保存', 'Save'],
  home: ['首页', 'Home'],
  me: ['我的', 'Me'],
  tasks: ['我的待办', 'My tasks'],
  notifications: ['我的通知', 'My notifications'],
  apps: ['应用', 'Apps'],
  none: ['暂无', 'Nothing yet'],
  profile: ['个人资料', 'My profile'],
  contact: ['联系方式', 'Contact details'],
  roles: ['角色', 'Roles'],
  members: ['会员管理', 'Members'],
  search: ['搜索工号或姓名', 'Search staff number or name'],
  status: ['状态', 'Status'],
  all: ['全部', 'All'],
  importMembers: ['导入会员', 'Import members'],
  readAs: ['文件编码', 'Read as'],
  chooseFile: ['选择文件（.xlsx 或 .csv）', 'Choose a file (.xlsx or .csv)'],
  dryRun: ['检查', 'Check'],
  apply: ['导入', 'Apply'],
  line: ['行', 'Line'],
  column: ['列', 'Column'],
  reason: ['原因', 'Reason'],
  rowsValid: ['行，有效', 'rows, valid'],
  applied: ['已导入', 'Imported'],
  noErrors: ['没有错误，可以导入', 'No errors: ready to apply'],
  plugins: ['插件管理', 'Plugins'],
  upload: ['上传插件 jar', 'Upload a plugin jar'],
  disable: ['停用', 'Disable'],
  enable: ['启用', 'Enable'],
  uninstall: ['卸载', 'Uninstall'],
  confirmUninstall: ['确定卸载该插件？', 'Uninstall this plugin?'],
  version: ['版本', 'Version'],
  owner: ['所属单位', 'Owner'],
  lastError: ['最近错误', 'Last error'],
  previous: ['上一页', 'Previous'],
  next: ['下一页', 'Next'],
  total: ['共', 'Total'],
  submit: ['提交', 'Submit'],
  done: ['完成', 'Done'],
  back: ['返回', 'Back'],
  notFound: ['页面不存在或无权访问', 'This page does not exist or is not for you'],
  loading: ['加载中…', 'Loading…'],
  language: ['English', '中文'],
  editMember: ['编辑会员', 'Edit member'],
  name: ['姓名', 'Name'],
  gender: ['性别', 'Gender'],
  male: ['男', 'Male'],
  female: ['女', 'Female'],
  birthDate: ['出生日期', 'Birth date'],
  phone: ['手机', 'Phone'],
  email: ['邮箱', 'Email'],
  joinDate: ['入会日期', 'Join date'],
  categories: ['类别', 'Categories'],
  staffNo: ['工号', 'Staff number'],
  unit: ['单位', 'Unit'],
  saved: ['已保存', 'Saved'],
  nothingChanged: ['没有修改', 'Nothing changed'],
  transfer: ['调动到其他单位', 'Transfer to another unit'],
  toUnit: ['调入单位', 'To unit'],
  note: ['备注', 'Note'],
  chooseUnit: ['请选择单位', 'Choose a unit'],
  transferred: ['已调动', 'Transferred'],
  admin: ['管理', 'Admin'],
  orgTree: ['组织机构', 'Organisation'],
  retired: ['已撤销', 'Retired'],
  memberCount: ['人', 'members'],
  showMembers: ['查看会员', 'Members'],
  audit: ['审计日志', 'Audit log'],
  actor: ['操作人', 'Actor'],
  action: ['操作（前缀）', 'Action (prefix)'],
  targetType: ['对象类型', 'Target type'],
  targetId: ['对象编号', 'Target id'],
  outcome: ['结果', 'Outcome'],
  from: ['起始日期', 'From'],
  to: ['截止日期', 'To'],
  find: ['查询', 'Search'],
  accounts: ['账号管理', 'Accounts'],
  accountForMember: ['为会员开通账号', 'Open an account for a member'],
  memberId: ['会员编号', 'Member id'],
  createAccount: ['开通账号', 'Open account'],
  oneTimePassword: ['一次性密码（仅显示一次）', 'One-time password (shown once)'],
  accountsForUnit: ['为单位会员批量开通账号', 'Accounts for a whole unit'],
  downloadPasswords: ['开通并下载密码表（.xlsx）', 'Open and download the passwords (.xlsx)'],
  accountsCreated: ['已开通', 'Opened'],
  accountsRemaining: ['尚余', 'Remaining'],
  usernameTaken: ['工号已被占用', 'Username taken'],
  backup: ['数据备份', 'Backup'],
  backupNow: ['立即备份', 'Back up now'],
  backupHint: ['在线备份全部数据库、data/union 与 etc/，恢复时把目录交给 run-platform restore', 'Backs up every database, data/union and etc/ while running; give the folder to run-platform restore'],
  folder: ['目录', 'Folder'],
  files: ['文件数', 'Files'],
  file: ['文件', 'File'],
  size: ['大小', 'Size'],
  databases: ['数据库', 'Databases'],
  warnings: ['警告', 'Warnings'],
  frozen: ['冻结时长', 'Frozen'],
  yes: ['是', 'Yes'],
  no: ['否', 'No'],
};

/** The shell's own text in the current language. */
export function t(key) {
  const pair = texts[key];
  if (!pair) return key;
  return lang.value === 'en' ? pair[1] : pair[0];
}

const STATUS = { ACTIVE: ['在职', 'Active'], RETIRED: ['退休', 'Retired'], TRANSFERRED_OUT: ['调出', 'Transferred out'], WITHDRAWN: ['退会', 'Withdrawn'] };

/** A member status code in the current language (an unknown one as it is). */
export function statusText(value) {
  const pair = STATUS[value];
  return pair ? pair[lang.value === 'en' ? 1 : 0] : value;
}

export const STATUSES = Object.keys(STATUS);
