# FILE_HREF is the file's link href, access token included, as the
# resource that references the file hands it out (or the upload, with
# include=links).

# The JSON representation:
curl "$FILE_HREF" \
  --fail-with-body \
  --header "Authorization: Bearer $ACCESS_TOKEN" \
  --header "Api-Version: 2024-11-01"

# The content, saved under the file's name (from Content-Disposition):
curl "$FILE_HREF&disposition=attachment" \
  --fail-with-body --remote-name --remote-header-name \
  --header "Authorization: Bearer $ACCESS_TOKEN" \
  --header "Api-Version: 2024-11-01"
