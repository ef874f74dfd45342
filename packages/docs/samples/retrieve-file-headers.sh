# FILE_HREF is the file's link href, access token included, as the
# resource that references the file hands it out (or the upload, with
# include=links).

# The headers GET would answer, without the body:
curl "$FILE_HREF" \
  --fail-with-body --head \
  --header "Authorization: Bearer $ACCESS_TOKEN" \
  --header "Api-Version: 2024-11-01"
