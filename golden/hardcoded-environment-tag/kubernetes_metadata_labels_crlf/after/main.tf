resource "kubernetes_deployment" "api" {
  metadata {
    name = "api"
    labels = {
      app = "api"
      env = var.environment
    }
  }

  spec {
    replicas = 1
  }
}
