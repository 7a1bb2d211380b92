/* lectern-site-print.c: the printed program, a page per day
 *
 * For the room's door and the registration desk: one page per day with
 * the workshop's name, the day, the room and venue, the time zone, and
 * the day's slots in order, with their sessions, speakers and
 * affiliations (and their room, on a day in several rooms). Drawn with cairo and Pango, so the same drawing serves
 * the app's GtkPrintOperation and the CLI's PDF (cairo's PDF surface).
 * A long day shrinks to fit its page, never cut: the text is laid out,
 * measured, and laid out again smaller until it fits.
 *
 * The program is read from the store once (lectern_program_new()); the
 * drawing needs the store no more, so a print can run while the
 * organizer goes on editing. Site text is never translated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-site"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "lectern-export-result.h"
#include "lectern-site-print.h"
#include "lectern-site-text.h"

#define MM (72.0 / 25.4)
#define MARGIN (15 * MM)

typedef struct
{
  char     *time;      /* "9:00am–9:25am", or NULL under a session */
  char     *title;
  char     *people;    /* "Deepak Narayanan (Microsoft Research)", or NULL */
  gboolean  heading;   /* a session's heading */
} Line;

typedef struct
{
  char      *label;    /* "Saturday, July 29, 2023" */
  GPtrArray *lines;    /* Line */
} Page;

struct _LecternProgram
{
  char      *name;
  char      *place;    /* "Ballroom A (floor L4), the convention center" */
  char      *zone;     /* "All times Pacific/Honolulu (HST, UTC-10)" */
  GPtrArray *pages;    /* Page */
};

static void
line_free (gpointer data)
{
  Line *line = data;

  g_free (line->time);
  g_free (line->title);
  g_free (line->people);
  g_free (line);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_free (page->label);
  g_ptr_array_unref (page->lines);
  g_free (page);
}

void
lectern_program_free (LecternProgram *program)
{
  if (program == NULL)
    return;
  g_free (program->name);
  g_free (program->place);
  g_free (program->zone);
  g_ptr_array_unref (program->pages);
  g_free (program);
}

static const char *weekdays[] = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
static const char *months[] = { "January", "February", "March", "April", "May", "June", "July",
                                "August", "September", "October", "November", "December" };

static char *
day_label (const char *date)
{
  g_autofree char *iso = g_strconcat (date, "T00:00:00Z", NULL);
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  if (dt == NULL)
    return g_strdup (date);
  return g_strdup_printf ("%s, %s %d, %d", weekdays[g_date_time_get_day_of_week (dt) - 1],
                          months[g_date_time_get_month (dt) - 1], g_date_time_get_day_of_month (dt),
                          g_date_time_get_year (dt));
}

static char *
people_of (LecternSlot *slot)
{
  GPtrArray *appearances = lectern_slot_get_appearances (slot);
  GString *text = g_string_new (NULL);

  /* the presenters and panelists, then "moderated by" the moderators */
  for (int moderators = 0; moderators < 2; moderators++)
    {
      gboolean first = TRUE;

      for (guint i = 0; i < appearances->len; i++)
        {
          const LecternAppearance *a = g_ptr_array_index (appearances, i);
          const char *affiliation = lectern_appearance_get_affiliation (a);

          if ((a->role == LECTERN_APPEARANCE_MODERATOR) != moderators)
            continue;
          if (moderators && first)
            g_string_append (text, text->len > 0 ? "; moderated by " : "Moderated by ");
          else if (text->len > 0)
            g_string_append (text, ", ");
          g_string_append (text, a->name != NULL ? a->name : "");
          if (affiliation != NULL && *affiliation != '\0')
            g_string_append_printf (text, " (%s)", affiliation);
          first = FALSE;
        }
    }

  return text->len > 0 ? g_string_free (text, FALSE) : (g_string_free (text, TRUE), NULL);
}

/**
 * lectern_program_new:
 *
 * Returns: (transfer full) (nullable): the program, one page per day
 */
LecternProgram *
lectern_program_new (LecternStore  *store,
                     GError       **error)
{
  g_autoptr(LecternEvent) event = NULL;
  g_autoptr(GListModel) days = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GListModel) rooms = NULL;
  g_autoptr(LecternProgram) program = g_new0 (LecternProgram, 1);
  g_autoptr(GTimeZone) tz = NULL;
  const char *room, *venue;

  program->pages = g_ptr_array_new_with_free_func (page_free);
  if (!(event = lectern_store_get_event (store, error)) || !(days = lectern_store_list_days (store, error)) ||
      !(sessions = lectern_store_list_sessions (store, error)) || !(rooms = lectern_store_list_rooms (store, error)))
    return NULL;

  program->name = g_strdup (lectern_event_get_name (event) != NULL ? lectern_event_get_name (event) : "");
  room = lectern_event_get_room (event);
  venue = lectern_event_get_venue (event);
  program->place = g_strjoin (", ", room != NULL && *room ? room : venue, room != NULL && *room ? venue : NULL, NULL);

  tz = g_time_zone_new_identifier (lectern_event_get_timezone (event) ? lectern_event_get_timezone (event) : "UTC");
  if (tz != NULL)
    {
      /* the zone's name on the workshop's first day (summer or winter) */
      const char *first = lectern_event_get_start_date (event);
      g_autofree char *noon = first != NULL && strlen (first) == 10 ? g_strconcat (first, "T12:00:00", NULL) : NULL;
      g_autoptr(GDateTime) now = noon != NULL ? g_date_time_new_from_iso8601 (noon, tz) : NULL;

      if (now == NULL)
        now = g_date_time_new_now (tz);
      g_autofree char *offset = lectern_site_format_utc_offset ((gint32) (g_date_time_get_utc_offset (now) / G_USEC_PER_SEC));

      const char *abbreviation = g_date_time_get_timezone_abbreviation (now);

      program->zone = g_strcmp0 (abbreviation, offset) == 0 || g_strcmp0 (g_time_zone_get_identifier (tz), offset) == 0
        ? g_strdup_printf ("All times %s", offset)
        : g_strdup_printf ("All times %s (%s, %s)", g_time_zone_get_identifier (tz), abbreviation, offset);
    }
  else
    program->zone = g_strdup ("");

  for (guint d = 0; d < g_list_model_get_n_items (days); d++)
    {
      g_autoptr(LecternDay) day = g_list_model_get_item (days, d);
      g_autoptr(GListModel) slots = lectern_store_list_slots (store, lectern_day_get_id (day), error);
      Page *page;
      gint64 session_shown = 0;
      gint64 one_room = -1;
      gboolean several_rooms = FALSE;

      if (slots == NULL)
        return NULL;

      /* on a day in several rooms, each slot says where */
      for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
        {
          g_autoptr(LecternSlot) slot = g_list_model_get_item (slots, i);

          if (!lectern_slot_is_scheduled (slot))
            continue;
          if (one_room >= 0 && one_room != lectern_slot_get_room_id (slot))
            several_rooms = TRUE;
          one_room = lectern_slot_get_room_id (slot);
        }

      page = g_new0 (Page, 1);
      page->label = day_label (lectern_day_get_date (day));
      page->lines = g_ptr_array_new_with_free_func (line_free);
      g_ptr_array_add (program->pages, page);

      for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
        {
          g_autoptr(LecternSlot) slot = g_list_model_get_item (slots, i);
          gint64 session_id = lectern_slot_get_session_id (slot);
          g_autofree char *start = lectern_site_format_time (lectern_slot_get_start (slot));
          g_autofree char *end = lectern_site_format_time (MIN (lectern_slot_get_end (slot), 24 * 60 - 1));
          Line *line;

          if (!lectern_slot_is_scheduled (slot))
            continue;

          /* a session's heading, where it starts (or resumes) */
          if (session_id != 0 && session_id != session_shown)
            for (guint s = 0; s < g_list_model_get_n_items (sessions); s++)
              {
                g_autoptr(LecternSession) session = g_list_model_get_item (sessions, s);

                if (lectern_session_get_id (session) != session_id)
                  continue;
                line = g_new0 (Line, 1);
                line->title = g_strdup (lectern_session_get_title (session));
                line->heading = TRUE;
                g_ptr_array_add (page->lines, line);
              }
          session_shown = session_id;

          line = g_new0 (Line, 1);
          line->time = g_strdup_printf ("%s–%s", start, end);
          line->title = g_strdup (lectern_slot_get_title (slot));
          line->people = people_of (slot);
          if (several_rooms)
            for (guint r = 0; r < g_list_model_get_n_items (rooms); r++)
              {
                g_autoptr(LecternRoom) its_room = g_list_model_get_item (rooms, r);
                char *where;

                if (lectern_room_get_id (its_room) != lectern_slot_get_room_id (slot))
                  continue;
                where = line->people != NULL
                  ? g_strdup_printf ("%s · %s", lectern_room_get_name (its_room), line->people)
                  : g_strdup (lectern_room_get_name (its_room));
                g_free (line->people);
                line->people = where;
              }
          g_ptr_array_add (page->lines, line);
        }
    }

  return g_steal_pointer (&program);
}

guint
lectern_program_get_n_pages (LecternProgram *program)
{
  return program->pages->len;
}

static PangoLayout *
layout_for (cairo_t    *cr,
            const char *text,
            double      size,
            PangoWeight weight,
            PangoStyle  style,
            double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Lays the page out at @scale; draws it when @draw. Returns its height. */
static double
lay_out (cairo_t *cr,
         Page    *page,
         LecternProgram *program,
         double   width,
         double   scale,
         gboolean draw)
{
  double y = 0, time_width = 112 * scale, text_width = width - time_width;
  struct { const char *text; double size; PangoWeight weight; PangoStyle style; double gray; } header[] = {
    { program->name, 20, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 0 },
    { page->label, 13, PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL, 0 },
    { program->place, 10, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0.3 },
    { program->zone, 10, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0.3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      int h;

      if (header[i].text == NULL || *header[i].text == '\0')
        continue;
      layout = layout_for (cr, header[i].text, header[i].size * scale, header[i].weight, header[i].style, width);
      pango_layout_get_pixel_size (layout, NULL, &h);
      if (draw)
        {
          cairo_set_source_rgb (cr, header[i].gray, header[i].gray, header[i].gray);
          cairo_move_to (cr, 0, y);
          pango_cairo_show_layout (cr, layout);
        }
      y += h + 3 * scale;
    }
  y += 10 * scale;

  for (guint i = 0; i < page->lines->len; i++)
    {
      Line *line = g_ptr_array_index (page->lines, i);
      g_autoptr(PangoLayout) title = layout_for (cr, line->title, (line->heading ? 11.5 : 10.5) * scale,
                                                 line->heading ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_SEMIBOLD,
                                                 PANGO_STYLE_NORMAL, text_width);
      g_autoptr(PangoLayout) people = line->people != NULL
        ? layout_for (cr, line->people, 9.5 * scale, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, text_width) : NULL;
      int h_title, h_people = 0;

      pango_layout_get_pixel_size (title, NULL, &h_title);
      if (people != NULL)
        pango_layout_get_pixel_size (people, NULL, &h_people);
      if (line->heading)
        y += 4 * scale;

      if (draw)
        {
          if (line->time != NULL)
            {
              g_autoptr(PangoLayout) time = layout_for (cr, line->time, 9.5 * scale, PANGO_WEIGHT_NORMAL,
                                                        PANGO_STYLE_NORMAL, time_width - 6 * scale);

              pango_layout_set_width (time, -1);   /* one line: the column is wide enough */

              cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
              cairo_move_to (cr, 0, y + 1 * scale);
              pango_cairo_show_layout (cr, time);
            }
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_move_to (cr, line->heading ? 0 : time_width, y);
          pango_cairo_show_layout (cr, title);
          if (people != NULL)
            {
              cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
              cairo_move_to (cr, time_width, y + h_title);
              pango_cairo_show_layout (cr, people);
            }
        }
      y += h_title + h_people + 5 * scale;
    }

  return y;
}

/**
 * lectern_program_draw_page:
 * @width: (in points) the page's width
 *
 * Draws one day on a page of @width × @height, within 15 mm margins,
 * smaller where the day would not fit otherwise.
 */
void
lectern_program_draw_page (LecternProgram *program,
                           cairo_t        *cr,
                           guint           index,
                           double          width,
                           double          height)
{
  Page *page;
  double inner_width = width - 2 * MARGIN, inner_height = height - 2 * MARGIN;
  double scale = 1.0;

  g_return_if_fail (index < program->pages->len);
  page = g_ptr_array_index (program->pages, index);

  /* shrink until it fits: the wrapping changes with the size */
  for (int tries = 0; tries < 8; tries++)
    {
      double needed = lay_out (cr, page, program, inner_width, scale, FALSE);

      if (needed <= inner_height)
        break;
      scale *= MAX (0.5, inner_height / needed * 0.98);
    }

  cairo_save (cr);
  cairo_translate (cr, MARGIN, MARGIN);
  lay_out (cr, page, program, inner_width, scale, TRUE);
  cairo_restore (cr);
}

/* US Letter where the locale's paper is (the United States, Canada, …) */
gboolean
lectern_program_locale_uses_letter (void)
{
  const char *names[] = { "LC_ALL", "LC_PAPER", "LANG" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *value = g_getenv (names[i]);

      if (value != NULL && *value != '\0')
        return strstr (value, "_US") != NULL || strstr (value, "_CA") != NULL || strstr (value, "_MX") != NULL ||
               strstr (value, "_PH") != NULL || strstr (value, "_CL") != NULL;
    }
  return FALSE;
}

/**
 * lectern_program_write_pdf:
 * @letter: US Letter rather than A4
 *
 * Writes the program as a PDF, a page per day, beside @path first and
 * then renamed into place.
 */
gboolean
lectern_program_write_pdf (LecternProgram  *program,
                           const char      *path,
                           gboolean         letter,
                           GError         **error)
{
  double width = letter ? 612 : 595.28, height = letter ? 792 : 841.89;
  g_autofree char *temporary = g_strconcat (path, ".lectern-tmp", NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  if (program->pages->len == 0)
    {
      g_set_error (error, LECTERN_EXPORT_ERROR, LECTERN_EXPORT_ERROR_NO_PLACE,
                   _("The workshop has no day in its schedule: there is no program to print."));
      return FALSE;
    }

  surface = cairo_pdf_surface_create (temporary, width, height);
  cr = cairo_create (surface);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, program->name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Lectern");
  for (guint i = 0; i < program->pages->len; i++)
    {
      lectern_program_draw_page (program, cr, i, width, height);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (temporary);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The PDF could not be written to %s: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (temporary, path) != 0)
    {
      int saved = errno;

      g_unlink (temporary);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("The PDF could not be written to %s: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
