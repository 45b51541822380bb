package org.caseregistry.site;

import jakarta.validation.Valid;
import org.caseregistry.platform.FormSaves;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/sites")
class SiteController {

  private static final String FORM = "admin/sites/form";

  private final SiteService siteService;

  SiteController(SiteService siteService) {
    this.siteService = siteService;
  }

  @InitBinder("siteForm")
  void initBinder(WebDataBinder binder) {
    binder.setAllowedFields("code", "name", "city", "active", "version");
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("sites", siteService.all());
    return "admin/sites/list";
  }

  @GetMapping("/new")
  String newForm(Model model) {
    model.addAttribute("siteForm", new SiteForm());
    return FORM;
  }

  @PostMapping("/new")
  String create(
      @Valid @ModelAttribute("siteForm") SiteForm form,
      BindingResult result,
      RedirectAttributes redirect) {
    if (result.hasErrors() || siteService.create(form, result) == null) {
      return FORM;
    }
    redirect.addFlashAttribute("flash", "site.saved");
    return "redirect:/admin/sites";
  }

  @GetMapping("/{id}")
  String editForm(@PathVariable long id, Model model) {
    model.addAttribute("siteId", id);
    model.addAttribute("siteForm", SiteForm.of(siteService.get(id)));
    return FORM;
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("siteForm") SiteForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    model.addAttribute("siteId", id);
    if (!FormSaves.saved(result, () -> siteService.update(id, form, result))) {
      return FORM;
    }
    redirect.addFlashAttribute("flash", "site.saved");
    return "redirect:/admin/sites";
  }
}
