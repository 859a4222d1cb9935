// Creates or updates one MongoDB user per service from users.json (DESIGN §5), run by mongosh connected to
// the replica set as the root user, in the admin database:
//   mongosh "mongodb://…/admin?replicaSet=rs0" -u root -p … --authenticationDatabase admin --file create-users.js
// USERS_FILE names the table (default /mongo/users.json); each user's password comes from the environment
// variable its row names. Safe to run again: roles and users are updated in place (that is how a password
// is rotated), and the earlier shared user referral-app, which could write every database, is dropped.
const fs = require('fs');
const table = JSON.parse(fs.readFileSync(process.env.USERS_FILE || '/mongo/users.json', 'utf8'));

// on the whole database: nothing that changes or deletes a stored document
const DATABASE_ACTIONS = ['find', 'insert', 'createIndex', 'listIndexes', 'listCollections', 'createCollection',
  'killCursors'];
// only on the collections the service may rewrite (never on its append-only audit trail)
const COLLECTION_ACTIONS = ['update', 'remove', 'dropIndex'];

const admin = db.getSiblingDB('admin');
for (const u of table.users) {
  const pwd = process.env[u.passwordEnv];
  if (!pwd) { throw new Error('no password for ' + u.user + ' (' + u.passwordEnv + ' is empty)'); }
  const overlap = u.collections.filter(c => u.appendOnly.includes(c));
  if (overlap.length) { throw new Error(u.user + ': ' + overlap + ' both writable and append-only'); }
  const privileges = [{ resource: { db: u.db, collection: '' }, actions: DATABASE_ACTIONS }]
    .concat(u.collections.map(c => ({ resource: { db: u.db, collection: c }, actions: COLLECTION_ACTIONS })));
  const roleName = u.user + '-app';
  const home = db.getSiblingDB(u.db);
  if (home.getRole(roleName)) {
    home.updateRole(roleName, { privileges: privileges, roles: [] });
    print('updated role ' + u.db + '.' + roleName);
  } else {
    home.createRole({ role: roleName, privileges: privileges, roles: [] });
    print('created role ' + u.db + '.' + roleName);
  }
  const roles = [{ role: roleName, db: u.db }];
  if (admin.getUser(u.user)) {
    admin.updateUser(u.user, { pwd: pwd, roles: roles });
    print('updated user ' + u.user + ' (password and roles)');
  } else {
    admin.createUser({ user: u.user, pwd: pwd, roles: roles });
    print('created user ' + u.user);
  }
  print('  ' + u.user + ': ' + DATABASE_ACTIONS.join('/') + ' on ' + u.db + '.*; ' + COLLECTION_ACTIONS.join('/')
    + ' on ' + u.collections.join(', ') + (u.appendOnly.length ? '; append-only: ' + u.appendOnly.join(', ') : ''));
}
if (admin.getUser('referral-app')) { admin.dropUser('referral-app'); print('dropped the shared user referral-app'); }
