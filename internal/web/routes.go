package web

import "net/http"

// routes declares every route of the server. API routes answer errors as
// JSON, page routes as an HTML page; writes go through s.auth, which wants
// the token when one is set and refuses cross-origin browser requests.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	api := func(pattern string, h handler) { mux.Handle(pattern, s.adapt(pattern, apiRoute, h)) }
	page := func(pattern string, h handler) { mux.Handle(pattern, s.adapt(pattern, pageRoute, h)) }

	api("POST /api/articles", s.auth(s.postArticles))
	api("GET /api/jobs/{id}", s.getJob)
	api("GET /api/stories", s.listStories)
	api("GET /api/stories/{id}", s.getStory)
	api("GET /api/entities", s.searchEntities)
	api("GET /api/search", s.getSearch)
	api("GET /healthz", s.healthz)
	api("GET /metrics", s.getMetrics)

	page("GET /{$}", s.storiesPage)
	page("GET /stories/{id}", s.storyPage)
	page("GET /entities", s.entitiesPage)
	page("GET /search", s.searchPage)
	page("GET /add", s.auth(s.addPage))
	page("POST /add", s.auth(s.addSubmit))
	return s.secure(mux)
}
