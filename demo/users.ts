import type { CollectionConfig } from 'payload'

import { adminsOnly, isAdminUser } from 'payload-plugin-newsroom'

/**
 * Editors and admins. The first user ever created becomes an admin (there is no built-in
 * default password); after that only admins manage users and roles.
 */
export const usersCollection: CollectionConfig = {
  slug: 'users',
  labels: { singular: { sv: 'Användare', en: 'User' }, plural: { sv: 'Användare', en: 'Users' } },
  auth: true,
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'roles'] },
  access: {
    read: ({ req }) => (isAdminUser(req.user) ? true : req.user ? { id: { equals: req.user.id } } : false),
    create: async ({ req }) => isAdminUser(req.user) || (await req.payload.count({ collection: 'users', req })).totalDocs === 0,
    update: ({ req }) => (isAdminUser(req.user) ? true : req.user ? { id: { equals: req.user.id } } : false),
    delete: adminsOnly,
  },
  hooks: {
    beforeChange: [
      async ({ data, operation, req }) => {
        if (operation === 'create' && (await req.payload.count({ collection: 'users', req })).totalDocs === 0) {
          data.roles = ['admin']
        }
        return data
      },
    ],
  },
  fields: [
    {
      name: 'roles',
      type: 'select',
      label: { sv: 'Roller', en: 'Roles' },
      hasMany: true,
      required: true,
      defaultValue: ['editor'],
      saveToJWT: true,
      options: [
        { value: 'admin', label: { sv: 'Administratör', en: 'Admin' } },
        { value: 'editor', label: { sv: 'Redaktör', en: 'Editor' } },
      ],
      access: { update: ({ req }) => isAdminUser(req.user) },
    },
  ],
}
