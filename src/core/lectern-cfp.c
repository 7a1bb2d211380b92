/* lectern-cfp.c: The call for papers: where to submit, and its text
 *
 * Generated once from a field list, then kept by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-cfp"

#include "config.h"

#include "lectern-cfp.h"

struct _LecternCfp
{
  GObject parent_instance;

  gint64         rev;
  char           *submission_url;
  char           *submission_venue;
  char           *intro;
  char           *details;
  gboolean       published;
};

G_DEFINE_FINAL_TYPE (LecternCfp, lectern_cfp, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REV,
  PROP_SUBMISSION_URL,
  PROP_SUBMISSION_VENUE,
  PROP_INTRO,
  PROP_DETAILS,
  PROP_PUBLISHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lectern_cfp_finalize (GObject *object)
{
  LecternCfp *self = (LecternCfp *) object;

  g_clear_pointer (&self->submission_url, g_free);
  g_clear_pointer (&self->submission_venue, g_free);
  g_clear_pointer (&self->intro, g_free);
  g_clear_pointer (&self->details, g_free);

  G_OBJECT_CLASS (lectern_cfp_parent_class)->finalize (object);
}

static void
lectern_cfp_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LecternCfp *self = LECTERN_CFP (object);

  switch (prop_id)
    {
    case PROP_REV:
      g_value_set_int64 (value, self->rev);
      break;

    case PROP_SUBMISSION_URL:
      g_value_set_string (value, self->submission_url);
      break;

    case PROP_SUBMISSION_VENUE:
      g_value_set_string (value, self->submission_venue);
      break;

    case PROP_INTRO:
      g_value_set_string (value, self->intro);
      break;

    case PROP_DETAILS:
      g_value_set_string (value, self->details);
      break;

    case PROP_PUBLISHED:
      g_value_set_boolean (value, self->published);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_cfp_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LecternCfp *self = LECTERN_CFP (object);

  switch (prop_id)
    {
    case PROP_REV:
      lectern_cfp_set_rev (self, g_value_get_int64 (value));
      break;

    case PROP_SUBMISSION_URL:
      lectern_cfp_set_submission_url (self, g_value_get_string (value));
      break;

    case PROP_SUBMISSION_VENUE:
      lectern_cfp_set_submission_venue (self, g_value_get_string (value));
      break;

    case PROP_INTRO:
      lectern_cfp_set_intro (self, g_value_get_string (value));
      break;

    case PROP_DETAILS:
      lectern_cfp_set_details (self, g_value_get_string (value));
      break;

    case PROP_PUBLISHED:
      lectern_cfp_set_published (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_cfp_class_init (LecternCfpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lectern_cfp_finalize;
  object_class->get_property = lectern_cfp_get_property;
  object_class->set_property = lectern_cfp_set_property;

  properties[PROP_REV] =
    g_param_spec_int64 ("rev", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUBMISSION_URL] =
    g_param_spec_string ("submission-url", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUBMISSION_VENUE] =
    g_param_spec_string ("submission-venue", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_INTRO] =
    g_param_spec_string ("intro", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DETAILS] =
    g_param_spec_string ("details", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PUBLISHED] =
    g_param_spec_boolean ("published", NULL, NULL, FALSE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lectern_cfp_init (LecternCfp *self)
{
}

LecternCfp *
lectern_cfp_new (void)
{
  return g_object_new (LECTERN_TYPE_CFP, NULL);
}

/* A detached copy, for editing without touching the shown object. */
LecternCfp *
lectern_cfp_copy (LecternCfp *self)
{
  LecternCfp *copy;

  g_return_val_if_fail (LECTERN_IS_CFP (self), NULL);

  copy = lectern_cfp_new ();
  copy->rev = self->rev;
  copy->submission_url = g_strdup (self->submission_url);
  copy->submission_venue = g_strdup (self->submission_venue);
  copy->intro = g_strdup (self->intro);
  copy->details = g_strdup (self->details);
  copy->published = self->published;

  return copy;
}

gint64
lectern_cfp_get_rev (LecternCfp *self)
{
  g_return_val_if_fail (LECTERN_IS_CFP (self), 0);

  return self->rev;
}

void
lectern_cfp_set_rev (LecternCfp *self,
                    gint64 value)
{
  g_return_if_fail (LECTERN_IS_CFP (self));

  if (self->rev == value)
    return;

  self->rev = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REV]);
}

const char *
lectern_cfp_get_submission_url (LecternCfp *self)
{
  g_return_val_if_fail (LECTERN_IS_CFP (self), NULL);

  return self->submission_url;
}

void
lectern_cfp_set_submission_url (LecternCfp *self,
                               const char *value)
{
  g_return_if_fail (LECTERN_IS_CFP (self));

  if (g_strcmp0 (self->submission_url, value) == 0)
    return;

  g_free (self->submission_url);
  self->submission_url = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBMISSION_URL]);
}

const char *
lectern_cfp_get_submission_venue (LecternCfp *self)
{
  g_return_val_if_fail (LECTERN_IS_CFP (self), NULL);

  return self->submission_venue;
}

void
lectern_cfp_set_submission_venue (LecternCfp *self,
                                 const char *value)
{
  g_return_if_fail (LECTERN_IS_CFP (self));

  if (g_strcmp0 (self->submission_venue, value) == 0)
    return;

  g_free (self->submission_venue);
  self->submission_venue = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBMISSION_VENUE]);
}

const char *
lectern_cfp_get_intro (LecternCfp *self)
{
  g_return_val_if_fail (LECTERN_IS_CFP (self), NULL);

  return self->intro;
}

void
lectern_cfp_set_intro (LecternCfp *self,
                      const char *value)
{
  g_return_if_fail (LECTERN_IS_CFP (self));

  if (g_strcmp0 (self->intro, value) == 0)
    return;

  g_free (self->intro);
  self->intro = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTRO]);
}

const char *
lectern_cfp_get_details (LecternCfp *self)
{
  g_return_val_if_fail (LECTERN_IS_CFP (self), NULL);

  return self->details;
}

void
lectern_cfp_set_details (LecternCfp *self,
                        const char *value)
{
  g_return_if_fail (LECTERN_IS_CFP (self));

  if (g_strcmp0 (self->details, value) == 0)
    return;

  g_free (self->details);
  self->details = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAILS]);
}

gboolean
lectern_cfp_get_published (LecternCfp *self)
{
  g_return_val_if_fail (LECTERN_IS_CFP (self), FALSE);

  return self->published;
}

void
lectern_cfp_set_published (LecternCfp *self,
                          gboolean value)
{
  g_return_if_fail (LECTERN_IS_CFP (self));

  if (self->published == value)
    return;

  self->published = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHED]);
}
