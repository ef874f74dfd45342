# Upload pic.jpg. LUCCA_BASE_URL is your account, e.g.
# https://example.ilucca.net; ACCESS_TOKEN comes from the token
# endpoint (see "Getting a token").
# Name the type: for a .jpg, curl sends image/jpeg, which the API refuses.
curl "$LUCCA_BASE_URL/lucca-api/files?include=links" \
  --fail-with-body \
  --header "Authorization: Bearer $ACCESS_TOKEN" \
  --header "Api-Version: 2024-11-01" \
  --form "form=@pic.jpg;type=image/jpg"
