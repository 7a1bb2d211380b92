/* lectern-cfp-deadline.c: the call's dates: their kinds, zones, moments
 * and what they say about the call's state
 *
 * A date is a day (YYYY-MM-DD, or empty: still to be announced, "TBD"),
 * with, where it matters, a time (HH:MM) in a zone: "UTC", "AoE"
 * (Anywhere on Earth: UTC−12, the deadline of most calls) or any IANA
 * zone. A deadline without a time ends with its day (23:59:59), in its
 * zone, UTC when it has none. The call is open until the submission
 * deadline's moment, extended when that deadline was moved later
 * (extended_from), closed after it; upcoming while it has no deadline
 * or no link to submit to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-cfp"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lectern-cfp-deadline.h"
#include "lectern-store.h"
#include "lectern-validate.h"

static const struct
{
  const char *kind;
  const char *label;
} kinds[] = {
  { "submission", N_("Submission deadline") },
  { "notification", N_("Acceptance notification") },
  { "camera-ready", N_("Camera-ready deadline") },
  { "workshop", N_("Workshop") },
  { "other", N_("Date") },
};

gboolean
lectern_cfp_kind_is_valid (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (kind, kinds[i].kind) == 0)
      return TRUE;
  return FALSE;
}

/* "Submission deadline" for "submission", translated */
const char *
lectern_cfp_kind_get_label (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (kind, kinds[i].kind) == 0)
      return _(kinds[i].label);
  return _("Date");
}

/* The kind a date's label names, as call pages and organizers word it
 * ("Submission deadline", "Paper submission deadline": submission;
 * "Acceptance notification", "Decisions": notification), else other */
const char *
lectern_cfp_kind_for_label (const char *label)
{
  g_autofree char *folded = g_utf8_casefold (label != NULL ? label : "", -1);

  if (strstr (folded, "camera"))
    return "camera-ready";
  if (strstr (folded, "notification") || strstr (folded, "acceptance") || strstr (folded, "decision"))
    return "notification";
  if (strstr (folded, "submission") || strstr (folded, "paper deadline"))
    return "submission";
  if (strstr (folded, "workshop"))
    return "workshop";
  return "other";
}

/* The words a date is shown with: the organizers' own, else its kind's */
const char *
lectern_cfp_date_get_name (LecternCfpDate *date)
{
  const char *label = lectern_cfp_date_get_label (date);

  return label != NULL && *label != '\0' ? label : lectern_cfp_kind_get_label (lectern_cfp_date_get_kind (date));
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/* "", "UTC", "AoE" or an IANA zone this machine knows */
gboolean
lectern_cfp_zone_is_valid (const char *zone)
{
  return is_empty (zone) || g_ascii_strcasecmp (zone, "UTC") == 0 || g_ascii_strcasecmp (zone, "AoE") == 0 ||
         (lectern_validate_timezone (zone) && strchr (zone, '/') != NULL);
}

/* The zone, or NULL for none ("") or one unknown */
GTimeZone *
lectern_cfp_zone_new (const char *zone)
{
  if (is_empty (zone))
    return NULL;
  if (g_ascii_strcasecmp (zone, "UTC") == 0)
    return g_time_zone_new_utc ();
  if (g_ascii_strcasecmp (zone, "AoE") == 0)
    return g_time_zone_new_offset (-12 * 3600);
  return g_time_zone_new_identifier (zone);
}

static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute)
{
  char end;

  return text != NULL && strlen (text) == 5 && sscanf (text, "%2d:%2d%c", hour, minute, &end) == 2 &&
         *hour >= 0 && *hour < 24 && *minute >= 0 && *minute < 60;
}

/* What the file accepts of a date; the error says what is wrong */
gboolean
lectern_cfp_date_validate (LecternCfpDate  *date,
                           GError         **error)
{
  const char *day = lectern_cfp_date_get_date (date);
  const char *time = lectern_cfp_date_get_time (date);
  int hour, minute;

  if (!lectern_cfp_kind_is_valid (lectern_cfp_date_get_kind (date)))
    g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                 _("“%s” is not a kind of date (submission, notification, camera-ready, workshop or other)."),
                 lectern_cfp_date_get_kind (date) ? lectern_cfp_date_get_kind (date) : "");
  else if (!lectern_validate_date (day) || !lectern_validate_date (lectern_cfp_date_get_extended_from (date)))
    g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                 _("“%s” is not a date: give it as YYYY-MM-DD, such as 2025-05-27."), day);
  else if (!is_empty (time) && !parse_time (time, &hour, &minute))
    g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                 _("“%s” is not a time: give it as HH:MM on a 24-hour clock, such as 23:59."), time);
  else if (!lectern_cfp_zone_is_valid (lectern_cfp_date_get_zone (date)))
    g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                 _("“%s” is not a time zone: give UTC, AoE (anywhere on Earth) or a zone such as America/Vancouver."),
                 lectern_cfp_date_get_zone (date));
  else if (strchr (lectern_cfp_date_get_label (date) ? lectern_cfp_date_get_label (date) : "", '\n') != NULL ||
           strchr (lectern_cfp_date_get_note (date) ? lectern_cfp_date_get_note (date) : "", '\n') != NULL)
    g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                 _("A date’s name and note are one line each."));
  else if (is_empty (day) && (!is_empty (time) || !is_empty (lectern_cfp_date_get_zone (date))))
    g_set_error (error, LECTERN_STORE_ERROR, LECTERN_STORE_ERROR_INVALID,
                 _("“%s” has a time but no day: give the day too, or neither."), lectern_cfp_date_get_name (date));
  else
    return TRUE;

  return FALSE;
}

/* Whether the day is announced (not "TBD") */
gboolean
lectern_cfp_date_is_set (LecternCfpDate *date)
{
  return !is_empty (lectern_cfp_date_get_date (date));
}

/**
 * lectern_cfp_date_dup_moment:
 *
 * When the date is: its day and time in its zone; the end of its day
 * when it has no time; UTC when it has no zone.
 *
 * Returns: (transfer full) (nullable): %NULL while it is not set
 */
GDateTime *
lectern_cfp_date_dup_moment (LecternCfpDate *date)
{
  g_autoptr(GTimeZone) zone = NULL;
  int year, month, day, hour = 23, minute = 59, second = 59;

  if (!lectern_cfp_date_is_set (date) ||
      sscanf (lectern_cfp_date_get_date (date), "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;
  if (parse_time (lectern_cfp_date_get_time (date), &hour, &minute))
    second = 0;

  zone = lectern_cfp_zone_new (lectern_cfp_date_get_zone (date));
  if (zone == NULL)
    zone = g_time_zone_new_utc ();

  return g_date_time_new (zone, year, month, day, hour, minute, second);
}

/* The zone's name as the site writes it: "UTC", "AoE", else the
 * abbreviation at that moment ("PDT") */
static char *
zone_name (LecternCfpDate *date,
           GDateTime      *moment)
{
  const char *zone = lectern_cfp_date_get_zone (date);

  if (g_ascii_strcasecmp (zone, "UTC") == 0)
    return g_strdup ("UTC");
  if (g_ascii_strcasecmp (zone, "AoE") == 0)
    return g_strdup ("AoE");
  return g_strdup (g_date_time_get_timezone_abbreviation (moment));
}

/**
 * lectern_cfp_date_format_clock:
 *
 * The time as the call pages write it: "11:59PM UTC", "11:59PM AoE",
 * "5:00PM PDT"; a time without a zone is in UTC.
 *
 * Returns: (transfer full) (nullable): %NULL when the date has no time
 */
char *
lectern_cfp_date_format_clock (LecternCfpDate *date)
{
  g_autoptr(GDateTime) moment = NULL;
  g_autofree char *zone = NULL;
  int hour, minute;

  if (!parse_time (lectern_cfp_date_get_time (date), &hour, &minute) ||
      !(moment = lectern_cfp_date_dup_moment (date)))
    return NULL;

  /* a time with no zone is in UTC, and says so */
  zone = is_empty (lectern_cfp_date_get_zone (date)) ? g_strdup ("UTC") : zone_name (date, moment);
  return g_strdup_printf ("%d:%02d%s %s", hour % 12 == 0 ? 12 : hour % 12, minute, hour < 12 ? "AM" : "PM", zone);
}

/**
 * lectern_cfp_date_format_in:
 * @zone: where to show it (the organizer's own zone, UTC…)
 *
 * The moment in another zone, with that zone's abbreviation:
 * "2025-05-28 11:59 UTC", "2025-05-28 04:59 PDT".
 *
 * Returns: (transfer full) (nullable): %NULL while the date is not set
 */
char *
lectern_cfp_date_format_in (LecternCfpDate *date,
                            GTimeZone      *zone)
{
  g_autoptr(GDateTime) moment = lectern_cfp_date_dup_moment (date);
  g_autoptr(GDateTime) there = NULL;

  if (moment == NULL)
    return NULL;

  there = g_date_time_to_timezone (moment, zone);
  return g_date_time_format (there, "%Y-%m-%d %H:%M %Z");
}

/**
 * lectern_cfp_find_date:
 * @dates: (element-type LecternCfpDate)
 *
 * Returns: (transfer full) (nullable): the first date of that kind
 */
LecternCfpDate *
lectern_cfp_find_date (GListModel *dates,
                       const char *kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (dates); i++)
    {
      g_autoptr(LecternCfpDate) date = g_list_model_get_item (dates, i);

      if (g_strcmp0 (lectern_cfp_date_get_kind (date), kind) == 0)
        return g_steal_pointer (&date);
    }
  return NULL;
}

/* Where the call stands at @now */
LecternCfpState
lectern_cfp_get_state (LecternCfp *cfp,
                       GListModel *dates,
                       GDateTime  *now)
{
  g_autoptr(LecternCfpDate) deadline = lectern_cfp_find_date (dates, "submission");
  g_autoptr(GDateTime) moment = deadline != NULL ? lectern_cfp_date_dup_moment (deadline) : NULL;

  if (moment == NULL || is_empty (lectern_cfp_get_submission_url (cfp)))
    return LECTERN_CFP_UPCOMING;
  if (g_date_time_compare (now, moment) > 0)
    return LECTERN_CFP_CLOSED;
  if (!is_empty (lectern_cfp_date_get_extended_from (deadline)) &&
      g_strcmp0 (lectern_cfp_date_get_extended_from (deadline), lectern_cfp_date_get_date (deadline)) < 0)
    return LECTERN_CFP_EXTENDED;
  return LECTERN_CFP_OPEN;
}

const char *
lectern_cfp_state_to_string (LecternCfpState state)
{
  switch (state)
    {
    case LECTERN_CFP_OPEN:
      return "open";
    case LECTERN_CFP_EXTENDED:
      return "extended";
    case LECTERN_CFP_CLOSED:
      return "closed";
    case LECTERN_CFP_UPCOMING:
    default:
      return "upcoming";
    }
}

/* One date that must not come before another */
static void
check_order (GPtrArray  *problems,
             GListModel *dates,
             const char *earlier_kind,
             const char *later_kind)
{
  g_autoptr(LecternCfpDate) earlier = lectern_cfp_find_date (dates, earlier_kind);
  g_autoptr(LecternCfpDate) later = lectern_cfp_find_date (dates, later_kind);
  g_autoptr(GDateTime) a = earlier != NULL ? lectern_cfp_date_dup_moment (earlier) : NULL;
  g_autoptr(GDateTime) b = later != NULL ? lectern_cfp_date_dup_moment (later) : NULL;

  if (a != NULL && b != NULL && g_date_time_compare (b, a) < 0)
    g_ptr_array_add (problems,
                     /* Translators: two dates' names and days, e.g. "Acceptance notification" (2025-05-20) … */
                     g_strdup_printf (_("“%s” (%s) comes before “%s” (%s)."),
                                      lectern_cfp_date_get_name (later), lectern_cfp_date_get_date (later),
                                      lectern_cfp_date_get_name (earlier), lectern_cfp_date_get_date (earlier)));
}

/**
 * lectern_cfp_check:
 *
 * What the call would show wrong: a date still to be announced while
 * the call is published, dates out of order, a published call with no
 * link to submit to.
 *
 * Returns: (transfer full) (element-type utf8): the problems, in words
 */
GPtrArray *
lectern_cfp_check (LecternCfp *cfp,
                   GListModel *dates)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (LECTERN_IS_CFP (cfp), problems);

  if (lectern_cfp_get_published (cfp))
    {
      for (guint i = 0; i < g_list_model_get_n_items (dates); i++)
        {
          g_autoptr(LecternCfpDate) date = g_list_model_get_item (dates, i);

          if (!lectern_cfp_date_is_set (date))
            g_ptr_array_add (problems,
                             g_strdup_printf (_("The call for papers is published, but “%s” has no day yet: the site shows TBD."),
                                              lectern_cfp_date_get_name (date)));
        }
      if (is_empty (lectern_cfp_get_submission_url (cfp)))
        g_ptr_array_add (problems, g_strdup (_("The call for papers is published, but it has no link to submit to.")));
    }

  check_order (problems, dates, "submission", "notification");
  check_order (problems, dates, "notification", "camera-ready");
  check_order (problems, dates, "camera-ready", "workshop");

  return problems;
}
