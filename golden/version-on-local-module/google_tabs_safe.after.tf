module "gke" {
	source     = "./modules/gke"
	project_id = "acme-prod"
}
